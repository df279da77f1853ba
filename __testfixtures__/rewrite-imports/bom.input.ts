import { Booking } from "./models/booking";
import { SocialIdentity, Follower } from "./models/social";

export const all = [new Booking("1"), new SocialIdentity("g"), new Follower("f")];

import { SocialAccount, Follower } from "./models/social";
import { Booking } from "./models/booking";

export const x = [new SocialAccount("1"), new Follower("2"), new Booking("3")];

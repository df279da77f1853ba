import { Booking } from "./db/models/core";
import { Follower } from "./models/social";
import { CustomerSocialIdentity } from "./db/models/lead";

export const all = [new Booking("1"), new CustomerSocialIdentity("g"), new Follower("f")];

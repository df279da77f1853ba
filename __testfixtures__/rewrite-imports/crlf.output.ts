import { Follower } from "./models/social";
import { BusinessSocialAccount } from "./db/models/lead";
import { Booking } from "./db/models/core";

export const x = [new BusinessSocialAccount("1"), new Follower("2"), new Booking("3")];

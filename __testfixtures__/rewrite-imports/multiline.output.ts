import {
  // the business account
  Follower /* provider login */,
} from './models/social';
import { BusinessSocialAccount, CustomerSocialIdentity } from './db/models/lead';
import {
  StationUser,
  Station, // kept
} from "./db/models/identity";

export const all = [BusinessSocialAccount, Follower, CustomerSocialIdentity, StationUser, Station];

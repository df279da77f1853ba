import {
  SocialAccount, // the business account
  Follower,
  SocialIdentity /* provider login */,
} from './models/social';
import {
  UserStationAssignment,
  Station, // kept
} from "./models/station";

export const all = [SocialAccount, Follower, SocialIdentity, UserStationAssignment, Station];

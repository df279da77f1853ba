export type Assignment = import('./db/models/identity').StationUser;
export type Account = import('./db/models/lead').BusinessSocialAccount;
export type Kept = import('./models/social').Follower;
export type BookingModule = typeof import('./db/models/core');

export type Assignment = import('./models/station').UserStationAssignment;
export type Account = import('./models/social').SocialAccount;
export type Kept = import('./models/social').Follower;
export type BookingModule = typeof import('./models/booking');

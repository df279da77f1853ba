export { Booking } from './db/models/core';
export { Follower, type SocialId } from './models/social';
export { BusinessSocialAccount as SocialAccount } from './db/models/lead';
export { Payment } from './db/models/billing';

/** The models barrel. */
export * from '../db/models/core';
export { Follower } from './social';
export { BusinessSocialAccount as SocialAccount } from '../db/models/lead';
export { Payment } from '../db/models/billing';

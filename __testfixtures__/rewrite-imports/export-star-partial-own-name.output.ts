export * from './social';
export { BusinessSocialAccount as SocialAccount } from '../db/models/lead';

/** this module's own SocialIdentity, which the star export yields to */
export const SocialIdentity = { provider: 'local' };

export * from './social';
export { BusinessSocialAccount as SocialAccount, CustomerSocialIdentity as SocialIdentity } from '../db/models/lead';

import * as social from './models/social';
import { BusinessSocialAccount, type CustomerSocialIdentity } from './db/models/lead';

export const account = new BusinessSocialAccount('a-1');
export const follower = new social.Follower('@ada');
export function wrap(identity: CustomerSocialIdentity): CustomerSocialIdentity[] {
  return [identity];
}

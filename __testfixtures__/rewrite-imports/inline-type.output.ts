import { Follower, type SocialId } from './models/social';
import { type BusinessSocialAccount } from './db/models/lead';

export function follow(account: BusinessSocialAccount, id: SocialId): Follower {
  return new Follower(`${account.id}:${id}`);
}

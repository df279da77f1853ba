import { type SocialAccount, Follower, type SocialId } from './models/social';

export function follow(account: SocialAccount, id: SocialId): Follower {
  return new Follower(`${account.id}:${id}`);
}

import * as social from './models/social';

export const account = new social.SocialAccount('a-1');
export const follower = new social.Follower('@ada');
export function wrap(identity: social.SocialIdentity): social.SocialIdentity[] {
  return [identity];
}

import { SocialAccount, Follower, SocialIdentity } from './models/social';

export const people = [new SocialAccount('1'), new Follower('2'), new SocialIdentity('github')];

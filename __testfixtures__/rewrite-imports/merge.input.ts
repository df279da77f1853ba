import { BusinessSocialAccount } from './db/models/lead';
import { SocialIdentity, Follower, SocialAccount } from './models/social';

export const all = [new BusinessSocialAccount('1'), new SocialAccount('2'), new SocialIdentity('x'), new Follower('y')];

import { BusinessSocialAccount, CustomerSocialIdentity } from './db/models/lead';
import { Follower } from './models/social';

export const all = [new BusinessSocialAccount('1'), new BusinessSocialAccount('2'), new CustomerSocialIdentity('x'), new Follower('y')];

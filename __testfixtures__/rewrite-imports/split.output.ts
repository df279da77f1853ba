import { Follower } from './models/social';
import { BusinessSocialAccount, CustomerSocialIdentity } from './db/models/lead';

export const people = [new BusinessSocialAccount('1'), new Follower('2'), new CustomerSocialIdentity('github')];

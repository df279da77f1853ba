import type { CustomerSocialIdentity } from './db/models/lead';
import { SocialIdentity } from './models/social';
import type { SocialAccount } from './models/social';

export const identity: CustomerSocialIdentity = new SocialIdentity('github');
export let account: SocialAccount | undefined;

import { CustomerSocialIdentity, type BusinessSocialAccount } from './db/models/lead';

export const identity: CustomerSocialIdentity = new CustomerSocialIdentity('github');
export let account: BusinessSocialAccount | undefined;

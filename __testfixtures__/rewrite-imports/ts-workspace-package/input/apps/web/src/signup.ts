import { Account } from '@acme/models/account';

export const account: Account = new Account('ada@example.com');

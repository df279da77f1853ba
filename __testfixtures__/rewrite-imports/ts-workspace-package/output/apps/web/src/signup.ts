import { User } from '@acme/models/user';

export const account: User = new User('ada@example.com');

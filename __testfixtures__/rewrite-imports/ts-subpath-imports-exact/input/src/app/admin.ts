import { User } from '#user';

export const admin = new User('root@example.com');

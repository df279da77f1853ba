import { User } from '#db/user.js';

export const admin = new User('root@example.com');

import { User } from '#db/user.js';

export const user = new User('ada@example.com');

import { User } from '#models/user.js';

export const user = new User('ada@example.com');

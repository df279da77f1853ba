import * as legacy from './legacy/users';
import { User } from './models/user';

export const user: User = new User('ada');
export const text = legacy.greet(user);

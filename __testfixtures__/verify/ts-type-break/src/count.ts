import { User } from './legacy/user';

// an error of its own, there before remodel: not the plan's
export const count: number = 'users';
export const first = new User().id;

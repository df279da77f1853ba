import { Account, MAX_SESSIONS, User } from './index';

export const account = new Account('a@example.com');
export const shown = new User('Ada');
export const limit: number = MAX_SESSIONS;

import * as legacy from './legacy/users';
import { OldUser } from './legacy/users';

export const user: legacy.OldUser = new OldUser('ada');
export const text = legacy.greet(user);

import * as legacy from './legacy/users';
import { OldUser as Person } from './legacy/users';

export const user: legacy.OldUser = new Person('ada');
export const again = new legacy.OldUser('grace');

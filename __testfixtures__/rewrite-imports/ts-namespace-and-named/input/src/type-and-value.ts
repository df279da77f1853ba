import * as legacy from './legacy/users';
import type { Role } from './legacy/users';

export const role: Role = 'admin';
export const roles: legacy.Role[] = [role];
export const user = new legacy.OldUser('ada');

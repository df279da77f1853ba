import { User } from './models/user';
import type { Role } from './models/user';

export const role: Role = 'admin';
export const roles: Role[] = [role];
export const user = new User('ada');

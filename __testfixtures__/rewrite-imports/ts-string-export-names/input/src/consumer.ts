import { 'weird name' as Weird, 'the user' as TheUser, role } from './barrel';
import { 'old-role' as oldRole } from './legacy/users';

export const users = [new Weird('ada'), new TheUser('grace')];
export const roles = [role, oldRole];

export { "OldUser" as "weird name", OldUser as 'the user' } from './legacy/users';
export { 'old-role' as role } from './legacy/users';

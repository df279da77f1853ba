export { User as "weird name", User as 'the user' } from './models/user';
export { 'old-role' as role } from './models/user';

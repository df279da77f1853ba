export { User as Account, MAX_SESSIONS } from './models/user';
export * from './ui/user';

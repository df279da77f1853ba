import { User } from '../legacy/user';

export const user = new User();

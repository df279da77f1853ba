import { User } from './legacy/user';

export function greet(user: User): string {
  return `hello ${user.nickname.toUpperCase()}`;
}

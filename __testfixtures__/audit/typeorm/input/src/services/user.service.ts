import type { User } from '@entities/user.entity';

export function greet(user: User): string {
  return `hello ${user.displayName ?? user.email}`;
}

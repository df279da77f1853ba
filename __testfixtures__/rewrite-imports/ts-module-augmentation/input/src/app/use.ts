import { makeUser, type User } from '../models/user';
import type { Profile, Settings } from '../models/profile';

export function nick(u: User): string | undefined {
  return u.nickname ?? String(makeUser(u.id).id);
}
export function avatar(p: Profile, s: Settings): string | undefined {
  return s.dense ? p.avatar : p.bio;
}

import { makeUser, type User } from '../db/user';
import type { Settings } from '../models/profile';
import type { Profile } from '../db/profile';

export function nick(u: User): string | undefined {
  return u.nickname ?? String(makeUser(u.id).id);
}
export function avatar(p: Profile, s: Settings): string | undefined {
  return s.dense ? p.avatar : p.bio;
}

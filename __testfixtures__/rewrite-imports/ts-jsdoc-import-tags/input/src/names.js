/** @import * as users from './legacy/users.js' */
/** @import { Role as Kind } from './legacy/roles.js' */

/** @param {users.OldUser} user @param {Kind} kind */
export function label(user, kind) {
  return `${user.name}:${kind}`;
}

/** @import { OldUser } from './legacy/users.js' */
/**
 * @import { Role, Permission } from './legacy/roles.js'
 */

/**
 * @param {OldUser} user
 * @param {Role} role
 * @param {Permission} permission
 */
export function greet(user, role, permission) {
  return `${user.name} (${role}, ${permission})`;
}

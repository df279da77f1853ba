/** @import { User as OldUser } from './models/user.js' */
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

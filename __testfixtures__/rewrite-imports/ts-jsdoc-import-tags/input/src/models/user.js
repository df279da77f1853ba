export class User {
  /** @param {string} name */
  constructor(name) {
    this.name = name;
  }
}

/** @typedef {'admin' | 'member'} Role */
export const ROLES = ['admin', 'member'];

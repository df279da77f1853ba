/** @typedef {'admin' | 'member'} Role */
/** @typedef {'read' | 'write'} Permission */
export const ROLES = ['admin', 'member'];

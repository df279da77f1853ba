// remodel: deprecation shim for isObject (generated: re-running remodel regenerates it)
// Moved to lang/isObject: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use the default export of lang/isObject. */
  default,
} from './lang/isObject.js';

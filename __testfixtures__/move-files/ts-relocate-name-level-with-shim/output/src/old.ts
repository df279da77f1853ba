// remodel: deprecation shim for src/old (generated: re-running remodel regenerates it)
// Moved to src/new, src/DEPRECATED/old: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `A` from src/new. */
  A,
} from './new';

export {
  /** @deprecated Use `keep` from src/DEPRECATED/old. */
  keep,
} from './DEPRECATED/old';

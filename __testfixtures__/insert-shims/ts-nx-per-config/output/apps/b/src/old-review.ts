// remodel: deprecation shim for apps/b/src/old-review (generated: re-running remodel regenerates it)
// Moved to libs/db/src/review: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Review` from libs/db/src/review. */
  Review,
} from '../../../libs/db/src/review';

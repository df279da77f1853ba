// remodel: deprecation shim for src/models/index (generated: re-running remodel regenerates it)
// Moved to src/legacy/models/index: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Booking` from src/legacy/models/index. */
  Booking,
} from '../legacy/models/index';

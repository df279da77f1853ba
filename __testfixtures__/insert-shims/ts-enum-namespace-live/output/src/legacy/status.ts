// remodel: deprecation shim for src/legacy/status (generated: re-running remodel regenerates it)
// Moved to src/models/status: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Status` from src/models/status. */
  Status,
  /** @deprecated Use `Geo` from src/models/status. */
  Geo,
  /** @deprecated Use `counter` from src/models/status. */
  counter,
  /** @deprecated Use `bump` from src/models/status. */
  bump,
} from '../models/status';

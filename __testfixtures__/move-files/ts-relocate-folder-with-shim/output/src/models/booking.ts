// remodel: deprecation shim for src/models/booking (generated: re-running remodel regenerates it)
// Moved to src/legacy/models/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Booking` from src/legacy/models/booking. */
  Booking,
} from '../legacy/models/booking';

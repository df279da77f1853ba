// remodel: deprecation shim for apps/a/src/old-booking (generated: re-running remodel regenerates it)
// Moved to libs/db/src/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Booking` from libs/db/src/booking. */
  Booking,
} from '../../../libs/db/src/booking';

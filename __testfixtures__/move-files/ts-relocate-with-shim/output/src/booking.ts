// remodel: deprecation shim for src/booking (generated: re-running remodel regenerates it)
// Moved to src/DEPRECATED/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Booking` from src/DEPRECATED/booking. */
  Booking,
  /** @deprecated Use `make` from src/DEPRECATED/booking. */
  make,
  /** @deprecated Use `BookingId` from src/DEPRECATED/booking. */
  type BookingId,
} from './DEPRECATED/booking';

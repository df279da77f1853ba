// remodel: deprecation shim for src/models/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `import { Booking } from '@/db/booking'`. */
  Booking,
  /** @deprecated Use `import { BookingId } from '@/db/booking'`. */
  type BookingId,
} from '../db/booking';

// remodel: deprecation shim for src/models/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.
import * as booking from '../db/booking';

/** @deprecated Use `import { Booking } from '@/db/booking'`. */
export const Booking = booking.Booking;
/** @deprecated Use `import { Booking } from '@/db/booking'`. */
export type Booking = booking.Booking;

/** @deprecated Use `import { BookingId } from '@/db/booking'`. */
export type BookingId = booking.BookingId;

// remodel: deprecation shim for src/legacy/models/booking (generated: re-running remodel regenerates it)
// Moved to src/db/models/booking: import from there. This module only re-exports, deprecated.
import * as booking from '../../db/models/booking';

/** @deprecated Use `import { Booking } from '@/db/models/booking'`. */
export const Booking = booking.Booking;
/** @deprecated Use `import { Booking } from '@/db/models/booking'`. */
export type Booking = booking.Booking;

// remodel: deprecation shim for apps/a/src/old-booking (generated: re-running remodel regenerates it)
// Moved to libs/db/src/booking: import from there. This module only re-exports, deprecated.
import * as booking from '../../../libs/db/src/booking';

/** @deprecated Use `import { Booking } from 'libs/db/src/booking'`. */
export const Booking = booking.Booking;
/** @deprecated Use `import { Booking } from 'libs/db/src/booking'`. */
export type Booking = booking.Booking;

// remodel: deprecation shim for src/legacy/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.
import * as booking from '../db/booking';

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
declare const process: { emitWarning(warning: string, type: string): void } | undefined;
const deprecationWarned = globalThis as unknown as Record<string, boolean | undefined>;
if (typeof process !== 'undefined' && typeof process.emitWarning === 'function' && !deprecationWarned['remodel:src/legacy/booking']) {
  deprecationWarned['remodel:src/legacy/booking'] = true;
  process.emitWarning('src/legacy/booking is deprecated: import from src/db/booking', 'DeprecationWarning');
}

/** @deprecated Use `import { Booking } from '@/db/booking'`. */
export const Booking = booking.Booking;
/** @deprecated Use `import { Booking } from '@/db/booking'`. */
export type Booking<T extends object = {}> = booking.Booking<T>;

/** @deprecated Use `import { BookingDto } from '@/db/booking'`. */
export type BookingDto = booking.BookingDto;

/** @deprecated Use `import { BookingStatus } from '@/db/booking'`. */
export const BookingStatus = booking.BookingStatus;
/** @deprecated Use `import { BookingStatus } from '@/db/booking'`. */
export type BookingStatus = booking.BookingStatus;

/** @deprecated Use `import { BookingId } from '@/db/booking'`. */
export type BookingId = booking.BookingId;

/** @deprecated Use `import { makeBooking } from '@/db/booking'`. */
export const makeBooking = booking.makeBooking;

/** @deprecated Use `import { MAX_GUESTS } from '@/db/booking'`. */
export const MAX_GUESTS = booking.MAX_GUESTS;

/** @deprecated Use `import { Guest } from '@/db/booking'` (renamed from LegacyGuest). */
export const LegacyGuest = booking.Guest;
/** @deprecated Use `import { Guest } from '@/db/booking'` (renamed from LegacyGuest). */
export type LegacyGuest = booking.Guest;

/** @deprecated Use `import { Ledger } from '@/db/booking'`. */
const Ledger = booking.Ledger;
/** @deprecated Use `import { Ledger } from '@/db/booking'`. */
type Ledger = booking.Ledger;
export default Ledger;

// remodel: deprecation shim for src/legacy/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
declare const process: { emitWarning(warning: string, type: string): void } | undefined;
const deprecationWarned = globalThis as unknown as Record<string, boolean | undefined>;
if (typeof process !== 'undefined' && typeof process.emitWarning === 'function' && !deprecationWarned['remodel:src/legacy/booking']) {
  deprecationWarned['remodel:src/legacy/booking'] = true;
  process.emitWarning('src/legacy/booking is deprecated: import from src/db/booking', 'DeprecationWarning');
}

export {
  /** @deprecated Use `import { Booking } from '@/db/booking'`. */
  Booking,
  /** @deprecated Use `import { BookingDto } from '@/db/booking'`. */
  type BookingDto,
  /** @deprecated Use `import { BookingStatus } from '@/db/booking'`. */
  BookingStatus,
  /** @deprecated Use `import { BookingId } from '@/db/booking'`. */
  type BookingId,
  /** @deprecated Use `import { makeBooking } from '@/db/booking'`. */
  makeBooking,
  /** @deprecated Use `import { MAX_GUESTS } from '@/db/booking'`. */
  MAX_GUESTS,
  /** @deprecated Use `import { Guest } from '@/db/booking'` (renamed from LegacyGuest). */
  Guest as LegacyGuest,
  /** @deprecated Use `import { Ledger } from '@/db/booking'`. */
  Ledger as default,
} from '../db/booking';

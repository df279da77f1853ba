// remodel: deprecation shim for src/old/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.
import * as booking from '../db/booking';

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
/** @type {Record<string, any>} */
const deprecationWarned = /** @type {any} */ (globalThis);
if (typeof deprecationWarned.process !== 'undefined' && typeof deprecationWarned.process.emitWarning === 'function' && !deprecationWarned['remodel:src/old/booking']) {
  deprecationWarned['remodel:src/old/booking'] = true;
  deprecationWarned.process.emitWarning('src/old/booking is deprecated: import from src/db/booking', 'DeprecationWarning');
}

/** @deprecated Use `import { Booking } from 'src/db/booking'`. */
export const Booking = booking.Booking;

/** @deprecated Use `import { make } from 'src/db/booking'`. */
export const make = booking.make;

/** @deprecated Use `import Booking2 from 'src/db/booking'`. */
const Booking2 = booking.default;
export default Booking2;

// remodel: deprecation shim for src/old/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
/** @type {Record<string, any>} */
const deprecationWarned = /** @type {any} */ (globalThis);
if (typeof deprecationWarned.process !== 'undefined' && typeof deprecationWarned.process.emitWarning === 'function' && !deprecationWarned['remodel:src/old/booking']) {
  deprecationWarned['remodel:src/old/booking'] = true;
  deprecationWarned.process.emitWarning('src/old/booking is deprecated: import from src/db/booking', 'DeprecationWarning');
}

export {
  /** @deprecated Use `Booking` from src/db/booking. */
  Booking,
  /** @deprecated Use `make` from src/db/booking. */
  make,
  /** @deprecated Use the default export of src/db/booking. */
  default,
} from '../db/booking';

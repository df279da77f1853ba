// remodel: deprecation shim for src/legacy/models/booking (generated: re-running remodel regenerates it)
// Moved to src/db/models/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `import { Booking } from '@/db/models/booking'`. */
  Booking,
} from '../../db/models/booking';

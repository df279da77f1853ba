/**
 * @license
 * Copyright 2022 Example LLC
 * SPDX-License-Identifier: MIT
 */
// remodel: deprecation shim for src/old/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Booking` from src/db/booking. */
  Booking,
} from '../db/booking';

// remodel: deprecation shim for src/legacy/booking (generated: re-running remodel regenerates it)
// Moved to src/db/booking: import from there. This module only re-exports, deprecated.

// one DeprecationWarning per process; none where there is no `process` (browser bundles)
declare const process: { emitWarning(warning: string, type: string): void } | undefined
const deprecationWarned = globalThis as unknown as Record<string, boolean | undefined>
if (typeof process !== "undefined" && typeof process.emitWarning === "function" && !deprecationWarned["remodel:src/legacy/booking"]) {
  deprecationWarned["remodel:src/legacy/booking"] = true
  process.emitWarning("src/legacy/booking is deprecated: import from src/db/booking", "DeprecationWarning")
}

export {
  /** @deprecated Use `Booking` from src/db/booking. */
  Booking,
} from "../db/booking"

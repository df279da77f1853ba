// remodel: deprecation shim for src/old/order (generated: re-running remodel regenerates it)
// Moved to src/domain/order: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `Order` from src/domain/order. */
  Order as default,
} from '../domain/order';

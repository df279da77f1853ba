// remodel: deprecation shim for src/old/adjust (generated: re-running remodel regenerates it)
// Moved to src/lib/adjust-channel: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `import adjustChannel from '@/lib/adjust-channel'`. */
  default,
} from '../lib/adjust-channel';

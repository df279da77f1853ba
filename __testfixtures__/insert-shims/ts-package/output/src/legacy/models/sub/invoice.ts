// remodel: deprecation shim for src/legacy/models/sub/invoice (generated: re-running remodel regenerates it)
// Moved to src/db/models/sub/invoice: import from there. This module only re-exports, deprecated.

export {
  /** @deprecated Use `import { Invoice } from '@/db/models/sub/invoice'`. */
  type Invoice,
  /** @deprecated Use `import { total } from '@/db/models/sub/invoice'`. */
  total,
} from '../../../db/models/sub/invoice';

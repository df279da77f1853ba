// remodel: deprecation shim for src/legacy/models/sub/invoice (generated: re-running remodel regenerates it)
// Moved to src/db/models/sub/invoice: import from there. This module only re-exports, deprecated.
import * as invoice from '../../../db/models/sub/invoice';

/** @deprecated Use `import { Invoice } from '@/db/models/sub/invoice'`. */
export type Invoice = invoice.Invoice;

/** @deprecated Use `import { total } from '@/db/models/sub/invoice'`. */
export const total = invoice.total;

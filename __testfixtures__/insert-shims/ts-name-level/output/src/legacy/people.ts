// People: the customer copies move to src/db/customer; guest lists stay.
import { upper } from '../lib/format';
// remodel: deprecation shim: LegacyCustomer, CustomerRow moved out of this module (generated: re-running remodel regenerates it)
import { Customer as LegacyCustomer, type CustomerRow } from '../db/customer';

export {
  /** @deprecated Customers moved to src/db/customer. Use `import { Customer } from '@/db/customer'` (renamed from LegacyCustomer). */
  LegacyCustomer,
};

export {
  /** @deprecated Customers moved to src/db/customer. Use `import { CustomerRow } from '@/db/customer'`. */
  type CustomerRow,
};

/** Stays here: not a persisted model. */
export class GuestList {
  readonly members: LegacyCustomer[] = [];
  title(): string {
    return upper('guests');
  }
}

export function greet(name: string): string {
  return `hi ${name}`;
}

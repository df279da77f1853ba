// Personnes (clientèle, 顧客): the customer copies move to src/db/customer; guest lists stay.
import { upper } from '../lib/format';
// remodel: deprecation shim: LegacyCustomer, CustomerRow moved out of this module (generated: re-running remodel regenerates it)
import * as customer from '../db/customer';

/** @deprecated Customers moved to src/db/customer. Use `import { Customer } from '@/db/customer'` (renamed from LegacyCustomer). */
export const LegacyCustomer = customer.Customer;
/** @deprecated Customers moved to src/db/customer. Use `import { Customer } from '@/db/customer'` (renamed from LegacyCustomer). */
export type LegacyCustomer = customer.Customer;

/** @deprecated Customers moved to src/db/customer. Use `import { CustomerRow } from '@/db/customer'`. */
export type CustomerRow = customer.CustomerRow;

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

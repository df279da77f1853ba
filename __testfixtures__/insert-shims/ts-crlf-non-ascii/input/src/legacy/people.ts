// Personnes (clientèle, 顧客): the customer copies move to src/db/customer; guest lists stay.
import { upper } from '../lib/format';

/** The old customer. */
export class LegacyCustomer {
  name = '';
}

export interface CustomerRow {
  id: string;
}

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

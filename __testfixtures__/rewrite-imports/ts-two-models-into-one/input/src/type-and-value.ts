import type { CrmCustomer } from './crm/customer';
import { BillingClient } from './billing/client';

export function bill(customer: CrmCustomer): BillingClient {
  return new BillingClient(customer.id);
}

import { CrmCustomer } from './crm/customer';
import { BillingClient } from './billing/client';

export const a: CrmCustomer = new CrmCustomer(1);
export const b: BillingClient = new BillingClient(2);

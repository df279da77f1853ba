import { CrmCustomer as Crm } from './crm/customer';
import { BillingClient as Billing } from './billing/client';

export const pair: [Crm, Billing] = [new Crm(1), new Billing(2)];

import { type CustomerId, Customer } from './models/customer';
import { CrmCustomer } from './crm/customer';
import { BillingClient as Client } from './billing/client';

export const id: CustomerId = 1;
export const all = [new Customer(id), new CrmCustomer(id), new Client(id)];

import {
  type CustomerId, // the canonical id
} from './models/customer';
import { CrmCustomer } from './crm/customer';

export const id: CustomerId = 1;
export const crm = new CrmCustomer(id);

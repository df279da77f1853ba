import {
  type CustomerId /* the canonical id */
} from './models/customer';
import { BillingClient } from './billing/client';

export const id: CustomerId = 1;
export const client = new BillingClient(id);

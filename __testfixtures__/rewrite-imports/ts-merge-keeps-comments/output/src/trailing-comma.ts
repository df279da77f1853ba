import {
  type CustomerId, // the canonical id
  Customer,
} from './models/customer';

export const id: CustomerId = 1;
export const crm = new Customer(id);

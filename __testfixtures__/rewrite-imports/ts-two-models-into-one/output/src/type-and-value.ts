import { Customer } from './models/customer';

export function bill(customer: Customer): Customer {
  return new Customer(customer.id);
}

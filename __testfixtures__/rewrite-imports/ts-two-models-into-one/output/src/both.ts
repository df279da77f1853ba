import { Customer } from './models/customer';

export const a: Customer = new Customer(1);
export const b: Customer = new Customer(2);

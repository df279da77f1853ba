import { type CustomerId, Customer, Customer as Client } from './models/customer';

export const id: CustomerId = 1;
export const all = [new Customer(id), new Customer(id), new Client(id)];

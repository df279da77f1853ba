import { GuestList, greet } from '../legacy/people';
import { Customer } from '../db/customer';

export const list = new GuestList();
export const customer = new Customer();
export const hello = greet('ada');

import { GuestList, LegacyCustomer, greet } from '../legacy/people';

export const list = new GuestList();
export const customer = new LegacyCustomer();
export const hello = greet('ada');

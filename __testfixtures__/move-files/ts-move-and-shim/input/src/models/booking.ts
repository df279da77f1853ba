// Legacy booking model.
import { Customer } from './customer';

export class Booking {
  customer = new Customer();
}

export type BookingId = string;

import { Customer } from '../models/customer';

export class Booking {
  customer = new Customer();
}

export type BookingId = string;

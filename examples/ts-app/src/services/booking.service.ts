import { Booking, type BookingStatus } from '@/legacy/entities/booking.entity';
import { LegacyCustomer, GuestList } from '../legacy/entities/people';
import { tableOf } from '../lib/orm';

export interface BookingView {
  booking: Booking;
  customer: LegacyCustomer;
}

/** Creates a booking for a customer; `status` defaults to pending. */
export function book(customer: LegacyCustomer, id: string, status: BookingStatus = 'pending'): BookingView {
  const booking = new Booking();
  booking.id = id;
  booking.status = status;
  return { booking, customer };
}

export function customerNamed(name: string): LegacyCustomer {
  const customer = new LegacyCustomer();
  customer.name = name;
  return customer;
}

export function guests(...LegacyCustomer: string[]): GuestList {
  // the parameter shadows the import: nothing to rename here
  const list = new GuestList();
  list.names.push(...LegacyCustomer);
  return list;
}

export const tables = { booking: tableOf(Booking), LegacyCustomer: tableOf(LegacyCustomer) };
export { LegacyCustomer };

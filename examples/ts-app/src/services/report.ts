import type { Booking, LegacyCustomer } from '@/legacy/entities';

export function line(booking: Booking, customer: LegacyCustomer): string {
  return `${booking.id} ${booking.status} for ${customer.name}`;
}

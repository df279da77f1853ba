import type { Booking } from '@app/models/booking';
import type { Booking as BookingOfA } from '@a/models/booking';

export function show(booking: Booking, original: BookingOfA): string {
  return `${booking.ref} / ${original.id}`;
}

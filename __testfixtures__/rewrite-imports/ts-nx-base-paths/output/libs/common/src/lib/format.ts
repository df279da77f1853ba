import type { Booking } from '@acme/models/booking';

export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function describeBooking(booking: Booking): string {
  return `${booking.id} (${booking.status})`;
}

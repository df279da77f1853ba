import type { Booking } from './legacy/booking';

export interface Invoice {
  booking: Booking;
  total: number;
}

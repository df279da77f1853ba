import type { Booking } from './booking';

export interface Invoice {
  booking: Booking;
  total: number;
}

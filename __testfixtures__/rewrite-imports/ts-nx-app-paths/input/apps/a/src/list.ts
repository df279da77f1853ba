import type { Booking } from './models/booking';

export function list(): Booking[] {
  return [];
}

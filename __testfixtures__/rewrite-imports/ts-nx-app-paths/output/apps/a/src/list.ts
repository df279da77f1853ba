import type { Booking } from './entities/booking';

export function list(): Booking[] {
  return [];
}

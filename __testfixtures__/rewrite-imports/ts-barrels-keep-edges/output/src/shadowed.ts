// a barrel where the new name is taken by a parameter: the import is aliased, the public name still follows
import { BookingEntity as Booking } from './db/booking';

export function make(BookingEntity: string): Booking {
  return { id: BookingEntity };
}

export { Booking };

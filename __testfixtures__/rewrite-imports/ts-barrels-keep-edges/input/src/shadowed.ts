// a barrel where the new name is taken by a parameter: the import is aliased, the public name still follows
import { Booking } from './models/booking';

export function make(BookingEntity: string): Booking {
  return { id: BookingEntity };
}

export { Booking };

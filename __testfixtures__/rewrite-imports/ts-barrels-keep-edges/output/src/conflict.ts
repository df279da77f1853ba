// a barrel where the new name is something else: it keeps the public name Booking
export { BookingEntity as Booking } from './db/booking';

export interface BookingEntity {
  other: true;
}

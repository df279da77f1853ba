// a barrel where the new name is something else: it keeps the public name Booking
export { Booking } from './models/booking';

export interface BookingEntity {
  other: true;
}

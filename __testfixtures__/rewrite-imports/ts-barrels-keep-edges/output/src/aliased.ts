// an aliased re-export: the public name Reservation does not change
export { BookingEntity as Reservation } from './db/booking';

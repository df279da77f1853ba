// an aliased re-export: the public name Reservation does not change
export { Booking as Reservation } from './models/booking';

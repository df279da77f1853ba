// an alias spelled out is an alias: the public name stays
export { BookingEntity as Booking } from './db/booking';

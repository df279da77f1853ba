// an alias spelled out is an alias: the public name stays
export { Booking as Booking } from './models/booking';

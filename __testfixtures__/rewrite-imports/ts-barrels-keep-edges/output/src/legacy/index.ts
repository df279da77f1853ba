// an old barrel, moved as a whole onto src/models
export { BookingStatus } from '../models/booking';
export { BookingEntity as Booking } from '../db/booking';

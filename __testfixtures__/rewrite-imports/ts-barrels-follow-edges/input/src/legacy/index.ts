// an old barrel, moved as a whole onto src/models
export { Booking, BookingStatus } from '../models/booking';

import { Booking, make, type BookingId } from './DEPRECATED/booking';
export const v: [Booking, BookingId] = [make(), 'x'];

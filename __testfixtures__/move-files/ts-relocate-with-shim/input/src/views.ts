import { Booking, make, type BookingId } from './booking';
export const v: [Booking, BookingId] = [make(), 'x'];

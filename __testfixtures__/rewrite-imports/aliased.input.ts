import { Booking as Reservation, type BookingStatus as Status } from '@/models/booking';

export const reservation = new Reservation('r-1', 'open' satisfies Status);

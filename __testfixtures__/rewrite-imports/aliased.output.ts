import { Booking as Reservation, type BookingStatus as Status } from '@/db/models/core';

export const reservation = new Reservation('r-1', 'open' satisfies Status);

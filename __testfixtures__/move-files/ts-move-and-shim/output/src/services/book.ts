import { Booking, type BookingId } from '@/db/booking';

export const book = (id: BookingId): Booking => (id ? new Booking() : new Booking());

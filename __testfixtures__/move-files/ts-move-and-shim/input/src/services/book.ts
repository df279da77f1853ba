import { Booking, type BookingId } from '@/models/booking';

export const book = (id: BookingId): Booking => (id ? new Booking() : new Booking());

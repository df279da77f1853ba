import { bookingKey, type Booking } from '@app/booking';

export const key = (booking: Booking): string => bookingKey(booking);

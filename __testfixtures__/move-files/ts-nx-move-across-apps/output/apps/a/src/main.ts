import { bookingKey, type Booking } from '@acme/shared/booking';

export const key = (booking: Booking): string => bookingKey(booking);

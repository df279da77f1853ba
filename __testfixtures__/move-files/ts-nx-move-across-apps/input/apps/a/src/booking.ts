import { slug } from '@app/util';

export interface Booking {
  id: string;
}

export const bookingKey = (booking: Booking): string => slug(booking.id);

export type BookingStatus = 'open' | 'closed' | 'cancelled';

export interface Booking {
  id: string;
  status: BookingStatus;
  startsAt: Date;
}

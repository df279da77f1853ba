export type BookingStatus = 'open' | 'closed';

export interface Booking {
  id: string;
  status: BookingStatus;
}

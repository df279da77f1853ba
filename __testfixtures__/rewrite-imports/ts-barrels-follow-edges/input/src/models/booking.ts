export interface Booking {
  id: string;
}
export type BookingStatus = 'open' | 'closed';

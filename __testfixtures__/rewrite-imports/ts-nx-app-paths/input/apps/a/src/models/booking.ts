export interface Booking {
  id: string;
}

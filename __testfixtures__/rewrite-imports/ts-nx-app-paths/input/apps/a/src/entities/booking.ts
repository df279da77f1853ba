export interface Booking {
  id: string;
  startsAt: Date;
}

import './models/booking';

declare module './models/booking' {
  interface Booking {
    notes?: string;
  }
}

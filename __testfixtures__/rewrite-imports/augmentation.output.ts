import './db/models/core';

declare module './models/booking' {
  interface Booking {
    notes?: string;
  }
}

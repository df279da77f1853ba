import './db/models/core';

declare module './db/models/core' {
  interface Booking {
    notes?: string;
  }
}

import { Booking, BookingStatus } from '@acme/models/legacy/booking';

export class BookingService {
  private readonly bookings: Booking[] = [];

  list(status: BookingStatus = 'open'): Booking[] {
    return this.bookings.filter((booking) => booking.status === status);
  }
}

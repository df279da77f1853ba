import type { Booking } from '@acme/models/booking';
import { BookingService } from './booking.service';

jest.mock('@acme/models/booking');

describe('BookingService', () => {
  it('starts empty', () => {
    const none: Booking[] = [];
    expect(new BookingService().list()).toEqual(none);
  });
});

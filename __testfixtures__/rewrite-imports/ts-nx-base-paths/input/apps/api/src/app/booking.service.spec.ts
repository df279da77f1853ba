import type { Booking } from '@acme/models/legacy/booking';
import { BookingService } from './booking.service';

jest.mock('@acme/models/legacy/booking');

describe('BookingService', () => {
  it('starts empty', () => {
    const none: Booking[] = [];
    expect(new BookingService().list()).toEqual(none);
  });
});

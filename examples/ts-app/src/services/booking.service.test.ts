import { book, customerNamed } from './booking.service';
import { Booking } from '../legacy/entities/booking.entity';

jest.mock('../legacy/entities/booking.entity', () => jest.requireActual('../legacy/entities/booking.entity'));

describe('book', () => {
  it('creates a pending booking', () => {
    const view = book(customerNamed('Ada'), 'b-1');
    expect(view.booking).toBeInstanceOf(Booking);
    expect(view.booking.status).toBe('pending');
  });
});

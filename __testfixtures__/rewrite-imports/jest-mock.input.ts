import { Booking } from '../models/booking';

jest.mock('../models/booking');
jest.mock('@/models/station', () => ({ UserStationAssignment: jest.fn() }));
jest.unmock('../models/payment');
jest.doMock('../models/social');
const actual = jest.requireActual<typeof import('../models/booking')>('../models/booking');

test('books', () => {
  expect(new Booking('1')).toBeInstanceOf(actual.Booking);
});

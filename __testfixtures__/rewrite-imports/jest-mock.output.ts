import { Booking } from '../db/models/core';

jest.mock('../db/models/core');
jest.mock('@/db/models/identity', () => ({ StationUser: jest.fn() }));
jest.unmock('../db/models/billing');
jest.doMock('../models/social');
const actual = jest.requireActual<typeof import('../db/models/core')>('../db/models/core');

test('books', () => {
  expect(new Booking('1')).toBeInstanceOf(actual.Booking);
});

import { Customer, Booking, createBooking } from './db/models/core';

export const booking: Booking = createBooking('b-1');
export const customer = new Customer('Ada');

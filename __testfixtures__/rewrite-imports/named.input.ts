import { Booking, createBooking } from './models/booking';
import { Customer } from './db/models/core';

export const booking: Booking = createBooking('b-1');
export const customer = new Customer('Ada');

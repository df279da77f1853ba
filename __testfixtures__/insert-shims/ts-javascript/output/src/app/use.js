import Booking, { make } from '../db/booking';

export const made = [make(), new Booking()];

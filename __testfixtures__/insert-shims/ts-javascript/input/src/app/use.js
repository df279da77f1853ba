import Booking, { make } from '../old/booking';

export const made = [make(), new Booking()];

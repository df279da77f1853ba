import { Booking } from '../models/DEPRECATED/booking.js';

export const book = (): Booking => new Booking();

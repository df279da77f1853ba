import { Booking } from '../models/booking.js';

export const book = (): Booking => new Booking();

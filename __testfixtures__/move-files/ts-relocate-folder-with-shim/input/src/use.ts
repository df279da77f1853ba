import { Booking } from './models';
import { Booking as B } from './models/booking';
export const x = [Booking, B];

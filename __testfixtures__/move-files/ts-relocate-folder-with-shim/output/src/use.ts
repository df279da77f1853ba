import { Booking } from './legacy/models';
import { Booking as B } from './legacy/models/booking';
export const x = [Booking, B];

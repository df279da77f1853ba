// a barrel that already has the new name (the same object) — Buchungsübersicht, CRLF
import { Booking } from './models/booking';
import { BookingEntity } from './db/booking';

export { Booking, BookingEntity };

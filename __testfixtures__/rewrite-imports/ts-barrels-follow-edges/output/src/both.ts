// a barrel that already has the new name (the same object) — Buchungsübersicht, CRLF
import { BookingEntity } from './db/booking';

export { BookingEntity };

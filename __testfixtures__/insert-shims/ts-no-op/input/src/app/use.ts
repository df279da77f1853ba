import { Ledger, Booking, type BookingDto, BookingStatus, Guest } from '../db/booking';

export const guest = new Guest();
export const ledger = new Ledger();
export function open(dto: BookingDto): Booking {
  return new Booking(dto.id);
}
export const status = BookingStatus.Pending;

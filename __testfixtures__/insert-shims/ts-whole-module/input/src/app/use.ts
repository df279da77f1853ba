import Ledger, { Booking, type BookingDto, BookingStatus, LegacyGuest } from '../legacy/booking';

export const guest = new LegacyGuest();
export const ledger = new Ledger();
export function open(dto: BookingDto): Booking {
  return new Booking(dto.id);
}
export const status = BookingStatus.Pending;

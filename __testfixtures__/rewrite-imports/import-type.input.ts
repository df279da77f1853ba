import type { Booking, BookingStatus } from '../models/booking';
import type { SocialAccount, SocialId } from '../models/social';

export interface Row {
  booking: Booking;
  status: BookingStatus;
  account: SocialAccount;
  id: SocialId;
}

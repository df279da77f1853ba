import type { Booking, BookingStatus } from '../db/models/core';
import type { SocialId } from '../models/social';
import type { BusinessSocialAccount } from '../db/models/lead';

export interface Row {
  booking: Booking;
  status: BookingStatus;
  account: BusinessSocialAccount;
  id: SocialId;
}

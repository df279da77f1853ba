// already imports the new name from the canonical module itself
import type { Booking } from '../models';
import type { BookingEntity } from '../db/booking';

export const same = (booking: Booking): BookingEntity => booking;

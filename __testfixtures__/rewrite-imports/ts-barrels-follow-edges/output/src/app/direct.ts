// already imports the new name from the canonical module itself
import type { BookingEntity } from '../db/booking';

export const same = (booking: BookingEntity): BookingEntity => booking;

import { BookingEntity as Booking, BookingStatus, BookingEntity as LegacyBooking, type BookingStatus as LegacyStatus } from '../models';
import * as legacy from '@app/models';
import { Reservation } from '../aliased';
import { BookingEntity as Both, BookingEntity } from '../both';
import { Booking as Kept } from '../conflict';
import type { BookingEntity as Routed } from '../two-routes';

export function describe(a: Booking, b: LegacyBooking, c: legacy.BookingEntity, d: Reservation, e: Both, f: BookingEntity, g: Kept, h: Routed): string {
  const status: BookingStatus | LegacyStatus = 'open';
  return [a.id, b.id, c.id, d.id, e.id, f.id, g.id, h.id, status].join();
}

import { Booking, BookingStatus, Booking as LegacyBooking, type BookingStatus as LegacyStatus } from '../models';
import * as legacy from '@app/models';
import { Reservation } from '../aliased';
import { Booking as Both, BookingEntity } from '../both';
import { Booking as Kept } from '../conflict';
import type { Booking as Routed } from '../two-routes';

export function describe(a: Booking, b: LegacyBooking, c: legacy.Booking, d: Reservation, e: Both, f: BookingEntity, g: Kept, h: Routed): string {
  const status: BookingStatus | LegacyStatus = 'open';
  return [a.id, b.id, c.id, d.id, e.id, f.id, g.id, h.id, status].join();
}

import type { Booking } from '@/models/DEPRECATED/booking.js';

export async function load(): Promise<Booking> {
  const { Booking: Loaded } = await import('@/models/DEPRECATED/booking.js');
  return new Loaded();
}

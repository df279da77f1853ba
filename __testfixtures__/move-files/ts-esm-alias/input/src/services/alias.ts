import type { Booking } from '@/models/booking.js';

export async function load(): Promise<Booking> {
  const { Booking: Loaded } = await import('@/models/booking.js');
  return new Loaded();
}

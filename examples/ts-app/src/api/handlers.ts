import type { BookingView } from '../services/booking.service';
import { book, customerNamed } from '../services/booking.service';
import { line } from '../services/report';

export async function handleCreate(name: string, id: string): Promise<string> {
  const view: BookingView = book(customerNamed(name), id);
  return line(view.booking, view.customer);
}

export async function loadEntities() {
  const { Booking } = await import('../legacy/entities/booking.entity');
  return new Booking();
}

export class Booking<T extends object = {}> {
  constructor(public id: string, public meta?: T) {}
}

export interface BookingDto {
  id: string;
}

export enum BookingStatus {
  Pending = 'pending',
  Confirmed = 'confirmed',
}

export type BookingId = string;

export function makeBooking(id: string): Booking {
  return new Booking(id);
}

export const MAX_GUESTS = 8;

export class Guest {
  name = '';
}

export class Ledger {
  entries: Booking[] = [];
}

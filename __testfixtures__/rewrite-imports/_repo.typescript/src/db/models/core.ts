export type BookingStatus = 'open' | 'closed';

export class Booking {
  constructor(
    public id: string,
    public status: BookingStatus = 'open',
  ) {}
}

export default Booking;

export function createBooking(id: string): Booking {
  return new Booking(id);
}

export class Customer {
  constructor(public name: string) {}
}

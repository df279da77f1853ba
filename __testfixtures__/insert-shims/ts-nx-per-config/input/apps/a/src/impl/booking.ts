export class Booking {
  id = '';
}

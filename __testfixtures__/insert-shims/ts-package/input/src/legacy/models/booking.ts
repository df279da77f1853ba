export class Booking {
  id = 0;
}

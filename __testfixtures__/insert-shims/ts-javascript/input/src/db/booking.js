export class Booking {}
export const make = () => new Booking();
export default Booking;

export { legacyHelper, Booking } from '../old/booking';

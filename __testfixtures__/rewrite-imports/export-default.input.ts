export { default } from './models/payment';
export { default as Booking } from './models/booking';

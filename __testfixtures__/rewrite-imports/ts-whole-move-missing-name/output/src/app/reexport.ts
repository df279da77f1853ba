export { legacyHelper } from '../old/booking';
export { Booking } from '../db/core';

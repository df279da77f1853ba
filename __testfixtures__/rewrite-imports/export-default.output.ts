export { Payment as default } from './db/models/billing';
export { default as Booking } from './db/models/core';

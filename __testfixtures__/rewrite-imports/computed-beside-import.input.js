import { Booking } from './models/booking';

const name = process.env.MODEL || 'orders';
export const model = require(name);
export const first = new Booking('b1');

import { Booking } from './db/models/core';

const name = process.env.MODEL || 'orders';
export const model = require(name);
export const first = new Booking('b1');

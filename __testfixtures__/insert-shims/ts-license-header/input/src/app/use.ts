import { Booking } from '../old/booking';

const helper = require('../old/helpers');

export const made = [new Booking(), helper()];

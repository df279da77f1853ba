import { Booking } from '../db/booking';

const helper = require('../db/helpers');

export const made = [new Booking(), helper()];

import { Booking } from '../archive/models';
import { Customer } from '~/archive/models/customer';
import type * as Models from 'src/archive/models/booking';
import helpers = require('../archive/models/customer');

export const booking: Models.Booking = new Booking();
export const customer = new Customer();
export const again = new helpers.Customer();
export const lazy = () => import('../archive/models/booking');

import { Booking } from '../legacy/models';
import { Customer } from '~/legacy/models/customer';
import type * as Models from 'src/legacy/models/booking';
import helpers = require('../legacy/models/customer');

export const booking: Models.Booking = new Booking();
export const customer = new Customer();
export const again = new helpers.Customer();
export const lazy = () => import('../legacy/models/booking');

import { Customer } from './customer.js';
import type { Status } from '@/models/status.js';

export class Booking {
  customer = new Customer();
  status: Status = 'open';
}

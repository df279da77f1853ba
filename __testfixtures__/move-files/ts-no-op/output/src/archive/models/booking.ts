import { newId } from '../../lib/ids';
import { Customer } from './customer';

export class Booking {
  id = newId();
  customer = new Customer();
}

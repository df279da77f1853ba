import { newId } from '~/lib/ids';

export class Customer {
  id = newId();
}

export class Customer {
  name = '';
}

export interface CustomerRow {
  id: string;
}

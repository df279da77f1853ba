export class Customer {
  constructor(public id: number) {}
}
export type CustomerId = number;

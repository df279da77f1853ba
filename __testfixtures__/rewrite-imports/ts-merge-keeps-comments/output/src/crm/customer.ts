export class CrmCustomer {
  constructor(public id: number) {}
}

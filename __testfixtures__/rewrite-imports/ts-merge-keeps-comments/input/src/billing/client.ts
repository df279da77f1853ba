export class BillingClient {
  constructor(public id: number) {}
}

export class Invoice {
  constructor(public total: number) {}
}

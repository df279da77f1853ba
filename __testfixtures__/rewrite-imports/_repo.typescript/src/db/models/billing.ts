export class Payment {
  constructor(public amount: number) {}
}

export default class Payment {
  constructor(public amount: number) {}
}

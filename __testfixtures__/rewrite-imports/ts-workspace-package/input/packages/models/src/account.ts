export class Account {
  constructor(public email: string) {}
}

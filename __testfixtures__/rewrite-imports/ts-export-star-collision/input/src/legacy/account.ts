export class Account {
  constructor(public email: string) {}
}
export const MAX_SESSIONS = 3;

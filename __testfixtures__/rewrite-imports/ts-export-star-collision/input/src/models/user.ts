export class User {
  constructor(public email: string) {}
}
export const MAX_SESSIONS = 3;
export type Session = { user: User };

export class Account {
  constructor(public email: string) {}
}
export const ROLES = ['admin', 'member'] as const;

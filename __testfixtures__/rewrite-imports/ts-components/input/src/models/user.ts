export class User {
  constructor(public email: string) {}
}
export const ROLES = ['admin', 'member'] as const;

export class User {
  constructor(public name: string) {}
}
export type Role = 'admin' | 'member';

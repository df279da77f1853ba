export class OldUser {
  constructor(public name: string) {}
}
export type Role = 'admin' | 'member';
export function greet(user: OldUser): string {
  return `hello ${user.name}`;
}

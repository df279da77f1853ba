export class OldUser {
  constructor(public name: string) {}
}
const role = 'member';
export { role as 'old-role' };

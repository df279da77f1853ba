export class User {
  constructor(public name: string) {}
}
const role = 'member';
export { role as 'old-role' };

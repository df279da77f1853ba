// the UI's own User: another class that happens to share the canonical model's name
export class User {
  constructor(public displayName: string) {}
}

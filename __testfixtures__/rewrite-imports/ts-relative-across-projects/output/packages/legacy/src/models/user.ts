export class LegacyUser {
  id = 0;
  email = "";
}

export function isAdmin(user: LegacyUser): boolean {
  return user.email.endsWith("@acme.test");
}

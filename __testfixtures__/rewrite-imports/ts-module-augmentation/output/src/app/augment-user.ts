import '../db/user';

// the nickname every screen shows
declare module '../db/user' {
  interface User {
    nickname?: string;
  }
}

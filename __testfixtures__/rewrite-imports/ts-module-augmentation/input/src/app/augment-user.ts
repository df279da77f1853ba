import '../models/user';

// the nickname every screen shows
declare module '../models/user' {
  interface User {
    nickname?: string;
  }
}

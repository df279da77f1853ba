import '../models/account';

declare module '../models/account' {
  interface Account {
    verified?: boolean;
  }
}

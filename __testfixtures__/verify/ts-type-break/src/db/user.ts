export class User {
  id = 0;
}

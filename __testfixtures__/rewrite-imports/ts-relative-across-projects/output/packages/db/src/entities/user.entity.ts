export class User {
  id = 0;
  email = "";
}

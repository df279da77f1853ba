// the losing copy: it kept a field the canonical entity never had
export class User {
  id = 0;
  nickname = '';
}

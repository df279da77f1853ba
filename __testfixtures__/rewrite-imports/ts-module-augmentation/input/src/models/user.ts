export interface User {
  id: number;
}
export const makeUser = (id: number): User => ({ id });

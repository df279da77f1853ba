export interface Account {
  owner: string;
}

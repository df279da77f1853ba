export interface Member {
  owner: string;
}

export interface Profile {
  bio: string;
}

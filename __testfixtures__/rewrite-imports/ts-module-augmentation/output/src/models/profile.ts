export interface Profile {
  bio: string;
}
export interface Settings {
  theme: string;
}

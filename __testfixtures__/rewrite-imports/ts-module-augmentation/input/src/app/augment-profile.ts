import '../models/profile';

declare module '../models/profile' {
  interface Profile {
    avatar?: string;
  }
}

declare module '../models/profile' {
  interface Settings {
    dense?: boolean;
  }
}

declare module '../models/profile' {
  interface Profile {
    banner?: string;
  }
  interface Settings {
    compact?: boolean;
  }
}

import './db/models/identity';
import './models/social';

// Station keeps its name: the augmentation would follow, but it also names a renamed class
declare module './models/station' {
  interface Station {
    assignment?: UserStationAssignment;
  }
}

// Follower stays in the old module: so does its augmentation
declare module './models/social' {
  interface Follower {
    since?: Date;
  }
}

declare module './models/social' {
  interface SocialAccount {
    verified?: boolean;
  }
}

export type SocialId = string;

export class SocialAccount {
  constructor(public id: SocialId) {}
}

export class SocialIdentity {
  constructor(public provider: string) {}
}

export class Follower {
  constructor(public handle: string) {}
}

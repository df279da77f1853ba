export class Station {
  constructor(public code: string) {}
}

export class StationUser {
  constructor(
    public userId: string,
    public station: Station,
  ) {}
}

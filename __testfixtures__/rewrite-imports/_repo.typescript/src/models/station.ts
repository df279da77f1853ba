export class Station {
  constructor(public code: string) {}
}

export class UserStationAssignment {
  constructor(
    public userId: string,
    public station: Station,
  ) {}
}

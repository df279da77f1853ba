import { StationUser as UserStationAssignment } from './db/models/identity';

class StationUser {
  constructor(public name: string) {}
}

export const pair = [new UserStationAssignment('u', { code: 'LIS' }), new StationUser('ada')];

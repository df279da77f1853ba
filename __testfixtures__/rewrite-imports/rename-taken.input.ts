import { UserStationAssignment } from './models/station';

class StationUser {
  constructor(public name: string) {}
}

export const pair = [new UserStationAssignment('u', { code: 'LIS' }), new StationUser('ada')];

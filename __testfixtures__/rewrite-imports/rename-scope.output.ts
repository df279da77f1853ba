import { StationUser, Station } from './db/models/identity';

const registry = { UserStationAssignment: 'a property, not a reference' };

export function assign(userId: string): StationUser {
  const made = new StationUser(userId, new Station('LIS'));
  return made;
}

export function shadowed(UserStationAssignment: number): number {
  // the parameter hides the import here
  return UserStationAssignment + 1;
}

export function inner() {
  {
    const UserStationAssignment = 'local';
    return UserStationAssignment;
  }
}

export function local(): string {
  type UserStationAssignment = string; // hides the type meaning only
  const value: UserStationAssignment = registry.UserStationAssignment;
  return value;
}

export const types = { UserStationAssignment: StationUser, station: Station };
export { StationUser as UserStationAssignment };
export { StationUser as Assignment };
export default StationUser;

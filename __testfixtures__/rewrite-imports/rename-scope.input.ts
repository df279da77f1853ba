import { UserStationAssignment, Station } from './models/station';

const registry = { UserStationAssignment: 'a property, not a reference' };

export function assign(userId: string): UserStationAssignment {
  const made = new UserStationAssignment(userId, new Station('LIS'));
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

export const types = { UserStationAssignment, station: Station };
export { UserStationAssignment };
export { UserStationAssignment as Assignment };
export default UserStationAssignment;

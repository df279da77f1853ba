export * from '../db/models/core';
export * from '../db/models/identity';
export { StationUser as UserStationAssignment } from '../db/models/identity';

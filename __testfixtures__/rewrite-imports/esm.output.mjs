import { Booking } from './db/models/core.js';
const { StationUser: UserStationAssignment } = await import('./db/models/identity.js');
export default [Booking, UserStationAssignment];

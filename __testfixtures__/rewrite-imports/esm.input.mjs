import { Booking } from './models/booking.js';
const { UserStationAssignment } = await import('./models/station.js');
export default [Booking, UserStationAssignment];

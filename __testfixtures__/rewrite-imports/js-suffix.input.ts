import { Booking } from './models/booking.js';
import { Station } from '../src/models/station.js';
export { SocialAccount } from './models/social.js';

export const b = new Booking('1');
export const s = new Station('x');

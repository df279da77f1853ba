import { Booking } from './db/models/core.js';
import { Station } from './db/models/identity.js';
export { BusinessSocialAccount as SocialAccount } from './db/models/lead.js';

export const b = new Booking('1');
export const s = new Station('x');

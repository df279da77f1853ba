const s = '😀😀';
import { Booking } from './models/booking';
import { Follower } from './models/social';

export { s, Booking, Follower };

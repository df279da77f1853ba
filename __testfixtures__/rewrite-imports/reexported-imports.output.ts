const s = '😀😀';
import { Booking } from './db/models/core';
import { Follower } from './models/social';

export { s, Booking, Follower };

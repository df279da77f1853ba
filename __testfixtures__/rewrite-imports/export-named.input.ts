export { Booking } from './models/booking';
export { SocialAccount, Follower, type SocialId } from './models/social';
export { default as Payment } from './models/payment';

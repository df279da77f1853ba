/** The models barrel. */
export * from './booking';
export { Follower, SocialAccount } from './social';
export { default as Payment } from './payment';

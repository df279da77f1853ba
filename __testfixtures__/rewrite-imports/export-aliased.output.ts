export { StationUser as Assignment, Station } from './db/models/identity';
export type { CustomerSocialIdentity as Identity } from './db/models/lead';

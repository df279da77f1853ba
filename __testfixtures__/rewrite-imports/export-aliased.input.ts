export { UserStationAssignment as Assignment, Station } from './models/station';
export type { SocialIdentity as Identity } from './models/social';

export * from './social';

/** this module's own SocialIdentity, which the star export yields to */
export const SocialIdentity = { provider: 'local' };

import * as social from './models/social';

export const everything = Object.keys(social);
export const account = new social.SocialAccount('a-1');

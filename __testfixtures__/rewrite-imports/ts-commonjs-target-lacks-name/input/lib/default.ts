import old from './old';

export const first = old.a;

import old from './new';

export const first = old.a;

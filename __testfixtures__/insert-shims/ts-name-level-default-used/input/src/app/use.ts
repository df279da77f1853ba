import adjust, { twice } from '../old/util';

export const a = adjust(1) + twice(2);

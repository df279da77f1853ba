import { twice } from '../old/util';
import adjust from '../db/adjust';

export const a = adjust(1) + twice(2);

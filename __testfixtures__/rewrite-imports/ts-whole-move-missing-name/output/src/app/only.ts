import * as only from '../old/booking';

export const b = only.legacyHelper();

import * as m from '../old/booking';
import { legacyHelper, Booking } from '../old/booking';

export const a = [m.legacyHelper(), legacyHelper(), new Booking()];

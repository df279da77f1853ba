import * as m from '../old/booking';
import { legacyHelper } from '../old/booking';
import { Booking } from '../db/core';

export const a = [m.legacyHelper(), legacyHelper(), new Booking()];

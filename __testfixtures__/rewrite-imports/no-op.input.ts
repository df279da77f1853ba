// The booking screen: nothing here imports an old module.
import { Customer } from './db/models/core';
import { Follower } from './models/social';
import { Booking } from './models';

export const labels = { booking: 'Booking', follower: new Follower('x') };
export const customer: Customer | Booking | undefined = undefined;

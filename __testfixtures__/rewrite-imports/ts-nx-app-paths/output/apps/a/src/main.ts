import type { Booking } from '@app/entities/booking';
import { list } from '@app/list';

export const first: Booking | undefined = list()[0];

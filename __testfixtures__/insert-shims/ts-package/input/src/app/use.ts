import { Booking } from '@/legacy/models/booking';
import { total, type Invoice } from '../legacy/models/sub/invoice';

export const sum = (invoice: Invoice): number => total(invoice) + new Booking().id;

import { Payment } from './db/models/billing';
import { Payment as Charge } from '@/db/models/billing';

export const payments = [new Payment(10), new Charge(20)];

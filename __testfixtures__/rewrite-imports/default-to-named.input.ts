import Payment from './models/payment';
import Charge from '@/models/payment';

export const payments = [new Payment(10), new Charge(20)];

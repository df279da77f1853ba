import type Payment from '@/models/payment';

export type Payments = Payment[];

import type { Payment } from '@/db/models/billing';

export type Payments = Payment[];

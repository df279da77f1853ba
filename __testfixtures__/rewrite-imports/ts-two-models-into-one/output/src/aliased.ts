import { Customer as Crm } from './models/customer';
import { Customer as Billing } from './models/customer';

export const pair: [Crm, Billing] = [new Crm(1), new Billing(2)];

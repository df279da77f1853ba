import { Order, Purchase, TAX } from './index';
export const all = [new Order(1), new Purchase(2), TAX];

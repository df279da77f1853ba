import { Order as Ord } from './domain/order';
import { TAX } from './old/purchase';
import { Order, type OrderLine } from './domain/order';
import * as p from './old/purchase';

export const o = new Ord(1);
export const q: Order = new Order(2);
export const line: OrderLine = { sku: 'x' };
export const l2: OrderLine = line;
export const t = TAX + p.TAX;

import Ord from './old/order';
import { Purchase, type PurchaseLine, TAX } from './old/purchase';
import * as p from './old/purchase';

export const o = new Ord(1);
export const q: p.Purchase = new Purchase(2);
export const line: PurchaseLine = { sku: 'x' };
export const l2: p.PurchaseLine = line;
export const t = TAX + p.TAX;

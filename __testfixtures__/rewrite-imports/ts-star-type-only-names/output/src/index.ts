export { Order } from './domain/order';
export * from './old/purchase';
export { Order as Purchase, type OrderLine as PurchaseLine } from './domain/order';

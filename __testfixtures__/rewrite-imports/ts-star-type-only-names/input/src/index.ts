export { default as Order } from './old/order';
export * from './old/purchase';

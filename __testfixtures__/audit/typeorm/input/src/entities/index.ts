export * from './user.entity';
export { Order } from './order.entity';

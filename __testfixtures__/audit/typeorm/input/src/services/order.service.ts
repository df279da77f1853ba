import { Repository } from 'typeorm';
import { Order, User } from '../entities';
import { CustomerOrder } from '../legacy/customer-order';

export class OrderService {
  constructor(
    private readonly orders: Repository<Order>,
    private readonly legacy: Repository<CustomerOrder>,
  ) {}

  forUser(user: User): Promise<Order[]> {
    return this.orders.find({ where: { user: { id: user.id } } });
  }
}

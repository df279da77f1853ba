import { Column, Entity, ManyToOne } from 'typeorm';
import { BaseEntity } from './base.entity';
import { User } from './user.entity';

@Entity('orders')
export class Order extends BaseEntity {
  @Column('int')
  quantity!: number;

  @Column('decimal', { precision: 10, scale: 2 })
  total!: string;

  @ManyToOne(() => User, (user) => user.orders)
  user!: User;

  @ManyToOne('Invoice')
  invoice!: unknown;
}

import { Column, Entity, OneToMany } from 'typeorm';
import { BaseEntity } from './base.entity';
import { Order } from './order.entity';

@Entity({ name: 'users', schema: 'auth' })
export class User extends BaseEntity {
  @Column({ unique: true })
  email!: string;

  @Column({ nullable: true })
  displayName?: string;

  @OneToMany(() => Order, (order) => order.user)
  orders!: Order[];
}

import { Column, Entity, PrimaryColumn } from '../../lib/orm';

@Entity('customers')
export class Customer {
  @PrimaryColumn()
  id!: string;

  @Column()
  name = '';
}

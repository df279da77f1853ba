import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Written before entities/order.entity.ts; still used by the CSV export. */
@Entity({ name: 'orders' })
export class CustomerOrder {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('int')
  quantity!: number;
}

@Entity()
export class AuditLogEntry {
  @PrimaryColumn()
  id!: number;

  @Column()
  message!: string;
}

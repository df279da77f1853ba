import { Column, Entity, PrimaryColumn } from '../../lib/orm';

/** @deprecated moved to src/db/entities/customer.entity.ts as Customer */
@Entity('customers')
export class LegacyCustomer {
  @PrimaryColumn()
  id!: string;

  @Column()
  name = '';
}

/** Stays here: not a persisted model. */
export class GuestList {
  readonly names: string[] = [];
}

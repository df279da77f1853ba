import { Column, Entity, PrimaryColumn } from '../../lib/orm';

export type BookingStatus = 'pending' | 'confirmed' | 'cancelled';

/** @deprecated the canonical entity lives in src/db/entities/booking.entity.ts */
@Entity('bookings')
export class Booking {
  @PrimaryColumn()
  id!: string;

  @Column('enum')
  status: BookingStatus = 'pending';

  @Column('timestamp')
  startsAt: Date = new Date(0);
}

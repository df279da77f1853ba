export interface BookingEntity {
  id: string;
}

import { StationUser } from '@/db/models/identity';
import { Payment } from '@/db/models/billing';

export function Row(props: { user: StationUser; payment: Payment }) {
  const UserStationAssignmentView = () => <span>{props.user.userId}</span>;
  return (
    <div title="UserStationAssignment">
      <UserStationAssignmentView />
      {props.payment.amount}
    </div>
  );
}

export const make = (id: string) => new StationUser(id, { code: 'LIS' });

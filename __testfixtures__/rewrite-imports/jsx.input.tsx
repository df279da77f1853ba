import { UserStationAssignment } from '@/models/station';
import Payment from '@/models/payment';

export function Row(props: { user: UserStationAssignment; payment: Payment }) {
  const UserStationAssignmentView = () => <span>{props.user.userId}</span>;
  return (
    <div title="UserStationAssignment">
      <UserStationAssignmentView />
      {props.payment.amount}
    </div>
  );
}

export const make = (id: string) => new UserStationAssignment(id, { code: 'LIS' });

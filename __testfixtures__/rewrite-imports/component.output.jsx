import React from 'react';
import { Payment } from './db/models/billing';
const { StationUser: UserStationAssignment } = require('./db/models/identity');

export function Row({ amount }) {
  return <PaymentView payment={new Payment(amount)} user={new UserStationAssignment('u')} />;
}

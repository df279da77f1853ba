import React from 'react';
import Payment from './models/payment';
const { UserStationAssignment } = require('./models/station');

export function Row({ amount }) {
  return <PaymentView payment={new Payment(amount)} user={new UserStationAssignment('u')} />;
}

import { Schema, model } from 'mongoose';

interface IAccount {
  email: string;
  plan: string;
}

const AccountSchema = new Schema<IAccount>({
  email: { type: String, required: true },
  plan: { type: String, default: 'free' },
});

// reads the same collection as models/User.js
export const Account = model<IAccount>('Account', AccountSchema, 'users');

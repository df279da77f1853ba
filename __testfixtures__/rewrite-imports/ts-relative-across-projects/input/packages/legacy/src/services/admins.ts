import { LegacyUser, isAdmin } from "../models/user";

export const admins = (users: LegacyUser[]): LegacyUser[] => users.filter(isAdmin);

import { isAdmin } from "../models/user";
import { User } from "@acme/db/entities/user.entity";

export const admins = (users: User[]): User[] => users.filter(isAdmin);

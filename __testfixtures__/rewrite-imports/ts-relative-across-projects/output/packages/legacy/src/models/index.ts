export * from "./user";
export { User as LegacyUser } from "@acme/db/entities/user.entity";

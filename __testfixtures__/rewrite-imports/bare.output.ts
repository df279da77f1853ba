import { LegacyCustomer } from '@acme/entities';
import type { LegacyOrder } from "@acme/entities";
jest.mock('@acme/entities');

export type Pair = [LegacyCustomer, LegacyOrder];

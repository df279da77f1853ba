import { LegacyCustomer } from '@acme/legacy-entities';
import type { LegacyOrder } from "@acme/legacy-entities";
jest.mock('@acme/legacy-entities');

export type Pair = [LegacyCustomer, LegacyOrder];

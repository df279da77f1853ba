// a sub-path of a bare entry that is not 'package: true' is another module: left alone, nothing to review
import { makeCustomer } from '@acme/legacy-entities/testing';
import type { LegacyOrder } from '@acme/entities';

export const order: LegacyOrder | undefined = makeCustomer() ? undefined : undefined;

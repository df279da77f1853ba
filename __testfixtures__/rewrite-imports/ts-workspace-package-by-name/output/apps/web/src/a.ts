import { isString } from '@acme/core';
export const ok = isString('a');

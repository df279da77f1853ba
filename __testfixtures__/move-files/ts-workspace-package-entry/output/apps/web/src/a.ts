import { isString } from '@acme/utils';
export const ok = isString('a');

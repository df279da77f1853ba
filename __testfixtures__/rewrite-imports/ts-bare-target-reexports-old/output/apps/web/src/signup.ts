import { isString } from '@acme/framework/utils';

export const ok = isString('ada');

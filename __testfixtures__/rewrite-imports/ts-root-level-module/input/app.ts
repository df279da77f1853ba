import { isObject } from './helpers';

export const ok = isObject({});

import { isObject } from './lang/helpers';

export const ok = isObject({});

import { isObject } from '../lang/helpers.js';

export const no = isObject(null);

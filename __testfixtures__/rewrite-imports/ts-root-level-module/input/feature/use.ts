import { isObject } from '../helpers.js';

export const no = isObject(null);

import isObject from './lang/isObject.js';

console.log(isObject({}));

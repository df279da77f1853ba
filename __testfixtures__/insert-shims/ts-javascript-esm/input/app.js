import isObject from './isObject.js';

console.log(isObject({}));

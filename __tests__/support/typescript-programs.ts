import fc from 'fast-check';

/**
 * Generated TypeScript importers (issue 15, item 7) over the TS support repository's map: named imports with aliases
 * and `type` modifiers, namespaces, defaults, re-exports, `export *`, require and import(), both quotes, trailing
 * commas, line breaks, CRLF and a BOM.
 */
export const modules: Record<string, { values: string[]; types: string[]; hasDefault: boolean }> = {
  './models/booking': { values: ['Booking', 'createBooking'], types: ['BookingStatus'], hasDefault: true },
  './models/station': { values: ['Station', 'UserStationAssignment'], types: [], hasDefault: false },
  './models/social': { values: ['SocialAccount', 'SocialIdentity', 'Follower'], types: ['SocialId'], hasDefault: false },
  './models/payment': { values: [], types: [], hasDefault: true },
  './db/models/lead': { values: ['BusinessSocialAccount'], types: [], hasDefault: false },
};
const specifiers = Object.keys(modules);

interface Binding {
  name: string;
  alias?: string;
  type: boolean;
}

const statement = fc.oneof(
  // case: import { A, B as C, type D } from 'm' (or import type { ... })
  fc.record({
    kind: fc.constant('named' as const),
    module: fc.constantFrom(...specifiers.filter((m) => modules[m]!.values.length + modules[m]!.types.length > 0)),
    picks: fc.array(fc.record({ index: fc.nat(), alias: fc.boolean(), type: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    typeStatement: fc.boolean(),
    multiline: fc.boolean(),
    trailingComma: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('namespace' as const), module: fc.constantFrom(...specifiers), members: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('default' as const), module: fc.constantFrom(...specifiers.filter((m) => modules[m]!.hasDefault)) }),
  fc.record({ kind: fc.constant('reexport' as const), module: fc.constantFrom(...specifiers.filter((m) => modules[m]!.values.length > 0)), index: fc.nat(), alias: fc.boolean() }),
  fc.record({ kind: fc.constant('star' as const), module: fc.constantFrom(...specifiers) }),
  fc.record({ kind: fc.constant('require' as const), module: fc.constantFrom(...specifiers.filter((m) => modules[m]!.values.length > 0)), index: fc.nat() }),
  fc.record({ kind: fc.constant('dynamic' as const), module: fc.constantFrom(...specifiers.filter((m) => modules[m]!.values.length > 0)), index: fc.nat() }),
);

export const program = fc.record({
  statements: fc.array(statement, { minLength: 1, maxLength: 5 }),
  quote: fc.constantFrom("'", '"'),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  semicolons: fc.boolean(),
  comment: fc.boolean(),
});

/** The text of a generated program: imports, then a use of each binding (in a type position for a type-only one). */
export type Program = typeof program extends fc.Arbitrary<infer T> ? T : never;

export function render(p: Program): string {
  const q = p.quote;
  const semi = p.semicolons ? ';' : '';
  const lines: string[] = [];
  const uses: string[] = [];
  const taken = new Set<string>();
  let counter = 0;
  const local = (name: string, alias: boolean): string => {
    let candidate = alias ? `${name}Alias` : name;
    while (taken.has(candidate)) candidate = `${name}${++counter}`;
    taken.add(candidate);
    return candidate;
  };
  for (const s of p.statements) {
    const spec = `${q}${s.module}${q}`;
    const m = modules[s.module]!;
    if (s.kind === 'named') {
      const names = [...m.values, ...m.types];
      const seen = new Set<string>();
      const bindings: Binding[] = [];
      for (const pick of s.picks) {
        const name = names[pick.index % names.length]!;
        if (seen.has(name)) continue;
        seen.add(name);
        const onlyType = m.types.includes(name);
        const l = local(name, pick.alias);
        bindings.push({ name, alias: l === name ? undefined : l, type: onlyType || pick.type });
      }
      const typeStatement = s.typeStatement && bindings.every((b) => b.type);
      const parts = bindings.map((b) => `${b.type && !typeStatement ? 'type ' : ''}${b.alias ? `${b.name} as ${b.alias}` : b.name}`);
      const list = s.multiline ? `{\n  ${parts.join(',\n  ')}${s.trailingComma ? ',' : ''}\n}` : `{ ${parts.join(', ')}${s.trailingComma ? ',' : ''} }`;
      lines.push(`import${typeStatement ? ' type' : ''} ${list} from ${spec}${semi}`);
      for (const b of bindings) uses.push(b.type ? `export type U${counter++} = ${b.alias ?? b.name}${semi}` : `export const u${counter++} = ${b.alias ?? b.name}${semi}`);
    } else if (s.kind === 'namespace') {
      const ns = local('ns', false);
      lines.push(`import * as ${ns} from ${spec}${semi}`);
      const members = [...m.values];
      for (const index of s.members) if (members.length) uses.push(`export const u${counter++} = ${ns}.${members[index % members.length]}${semi}`);
      if (!members.length) uses.push(`export const u${counter++} = ${ns}${semi}`);
    } else if (s.kind === 'default') {
      const d = local('Def', false);
      lines.push(`import ${d} from ${spec}${semi}`);
      uses.push(`export const u${counter++} = ${d}${semi}`);
    } else if (s.kind === 'reexport') {
      const name = m.values[s.index % m.values.length]!;
      const exported = local(`${name}Out`, false);
      lines.push(`export { ${name}${s.alias ? ` as ${exported}` : ''} } from ${spec}${semi}`);
      if (!s.alias) taken.add(name);
    } else if (s.kind === 'star') {
      lines.push(`export * from ${spec}${semi}`);
    } else if (s.kind === 'require') {
      const name = m.values[s.index % m.values.length]!;
      const l = local(name, true);
      lines.push(`const { ${name}: ${l} } = require(${spec})${semi}`);
      uses.push(`export const u${counter++} = ${l}${semi}`);
    } else {
      const name = m.values[s.index % m.values.length]!;
      uses.push(`export const load${counter++} = async () => (await import(${spec})).${name}${semi}`);
    }
  }
  const eol = p.crlf ? '\r\n' : '\n';
  const text = [...(p.comment ? ['// generated: ünïcode before the imports'] : []), ...lines, '', ...uses, ''].join('\n').replace(/\n/g, eol);
  return `${p.bom ? '\uFEFF' : ''}${text}`;
}


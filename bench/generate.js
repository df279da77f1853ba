#!/usr/bin/env node
'use strict';
// Deterministic synthetic repositories for the benchmarks (issue 7).
//
//   node bench/generate.js ts 10000 OUT_DIR [--seed 1]
//   node bench/generate.js py 5000 OUT_DIR [--seed 1]
//
// Each tree gets, at its root:
//   map.yaml       the remodel import map (version 1)
//   map.json       the same map as JSON (for bench/naive_replace.py and the oracles)
//   needles.txt    fixed strings that name the old modules, one a line (for rg -F -f / grep -F -f / bench/floor.js)
//   expected.json  what the generator knows: importers of old modules and the import forms they use
//
// Same (language, N, seed) -> byte-identical tree. Only Node's standard library is used.

const fs = require('node:fs');
const path = require('node:path');

/** Bumped whenever the shape of a generated tree changes, so cached trees are rebuilt. */
const GENERATOR_VERSION = 5;

// ---------------------------------------------------------------------------------------------
// seeded randomness

/** mulberry32: small, fast, good enough for shaping synthetic code. */
function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(next() * xs.length)];
  const chance = (p) => next() < p;
  /** picks a key of `weights` ({ key: weight }) */
  const weighted = (weights) => {
    const total = Object.values(weights).reduce((s, w) => s + w, 0);
    let r = next() * total;
    for (const [key, w] of Object.entries(weights)) if ((r -= w) < 0) return key;
    return Object.keys(weights)[0];
  };
  /** k distinct indices of [0, n), in order */
  const sample = (n, k) => {
    const chosen = new Set();
    while (chosen.size < Math.min(k, n)) chosen.add(Math.floor(next() * n));
    return [...chosen].sort((x, y) => x - y);
  };
  return { next, int, pick, chance, weighted, sample };
}

// ---------------------------------------------------------------------------------------------
// shared helpers

const pascal = (s) => s.split(/[-_]/).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const camel = (s) => { const p = pascal(s); return p[0].toLowerCase() + p.slice(1); };
const snake = (s) => s.replace(/-/g, '_');

class TreeWriter {
  constructor(out) {
    this.out = out;
    this.files = 0;
    this.bytes = 0;
    this.dirs = new Set();
  }
  write(rel, text) {
    const abs = path.join(this.out, rel);
    const dir = path.dirname(abs);
    if (!this.dirs.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      this.dirs.add(dir);
    }
    fs.writeFileSync(abs, text);
    this.files++;
    this.bytes += Buffer.byteLength(text);
  }
}

/** A YAML map from plain data: only what remodel import maps use (strings, lists of identifiers, flat objects). */
function toYaml(map) {
  const q = (s) => (/^[A-Za-z0-9_./-]+$/.test(s) && !/^[0-9]/.test(s) ? s : JSON.stringify(s));
  const lines = [`version: ${map.version}`, `language: ${map.language}`, `root: ${q(map.root)}`, 'rewrite:'];
  for (const entry of map.rewrite) {
    lines.push(`  - from: ${q(entry.from)}`, `    to: ${q(entry.to)}`);
    if (entry.names) lines.push(`    names: [${entry.names.join(', ')}]`);
    if (entry.rename) lines.push(`    rename: { ${Object.entries(entry.rename).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}

const words = ['order', 'invoice', 'menu', 'report', 'schedule', 'inventory', 'shift', 'payout', 'tenant', 'audit', 'webhook', 'export', 'import', 'search', 'session', 'profile', 'settings', 'billing', 'calendar', 'upload', 'chat', 'message', 'analytics', 'pricing', 'location', 'vendor', 'delivery', 'kitchen', 'table', 'waitlist', 'loyalty', 'gift', 'survey', 'campaign', 'onboarding', 'dashboard', 'timeline', 'feed', 'catalog', 'cart'];
const verbs = ['load', 'save', 'format', 'parse', 'build', 'merge', 'sync', 'compute', 'validate', 'render', 'resolve', 'normalize', 'fetch', 'select', 'group', 'sort', 'filter', 'summarize', 'apply', 'check'];

// ---------------------------------------------------------------------------------------------
// TypeScript

/**
 * The 20 old model modules (src/models/<file>.ts) and their canonical twins (src/db/entities/<file>.ts).
 * kind: whole = whole-module move; rename = whole-module move with a rename; names = name-level move
 * (the helper stays in the old module).
 */
const tsModels = [
  { file: 'booking', classes: ['Booking'], kind: 'whole' },
  { file: 'customer', classes: ['Customer'], kind: 'whole' },
  { file: 'station', classes: ['Station', 'UserStationAssignment'], kind: 'rename', rename: { UserStationAssignment: 'StationUser' } },
  { file: 'lead', classes: ['Lead'], kind: 'whole' },
  { file: 'social', classes: ['SocialAccount', 'SocialIdentity'], helper: 'normalizeHandle', kind: 'names', rename: { SocialAccount: 'BusinessSocialAccount' } },
  { file: 'review', classes: ['CustomerReview', 'DiscountCoupon'], helper: 'reviewScore', kind: 'names' },
  { file: 'newsletter', classes: ['Campaign', 'Subscriber'], kind: 'whole' },
  { file: 'escalation', classes: ['Escalation'], kind: 'whole' },
  { file: 'call-recording', classes: ['CallRecording'], kind: 'whole' },
  { file: 'role', classes: ['Role', 'Permission'], kind: 'rename', rename: { Permission: 'RolePermission' } },
  { file: 'payment', classes: ['Payment'], kind: 'whole' },
  { file: 'refund', classes: ['Refund'], kind: 'whole' },
  { file: 'menu-item', classes: ['MenuItem'], kind: 'whole' },
  { file: 'staff-member', classes: ['StaffMember'], kind: 'rename', rename: { StaffMember: 'Employee' } },
  { file: 'notification', classes: ['Notification'], kind: 'whole' },
  { file: 'address', classes: ['Address'], kind: 'whole' },
  { file: 'venue', classes: ['Venue'], kind: 'whole' },
  { file: 'quote', classes: ['Quote'], kind: 'whole' },
  { file: 'tip-pool', classes: ['TipPool'], kind: 'whole' },
  { file: 'event-type', classes: ['EventType'], kind: 'whole' },
];

function tsModelSource(model, canonical) {
  let s = `// ${canonical ? 'canonical' : 'legacy'} model: ${model.file}\n`;
  for (const cls of model.classes) {
    const name = canonical && model.rename && model.rename[cls] ? model.rename[cls] : cls;
    s += `\nexport interface ${name}Attrs {\n  id: number;\n  createdAt: Date;\n  updatedAt: Date;\n  tenantId: string;\n}\n`;
    s += `\nexport class ${name} implements ${name}Attrs {\n  static readonly tableName = '${snake(model.file)}_${cls.toLowerCase()}s';\n  constructor(\n    public id: number,\n    public createdAt: Date = new Date(),\n    public updatedAt: Date = new Date(),\n    public tenantId: string = '',\n  ) {}\n\n  toJSON(): ${name}Attrs {\n    return { id: this.id, createdAt: this.createdAt, updatedAt: this.updatedAt, tenantId: this.tenantId };\n  }\n}\n`;
  }
  if (model.helper && !canonical) s += `\nexport function ${model.helper}(value: string): string {\n  return value.trim().toLowerCase();\n}\n`;
  return s;
}

function tsBody(rnd, [a, b, c], i) {
  const word = rnd.pick(words);
  const lines = [];
  lines.push(`export interface ${pascal(word)}Props${i} {`, `  id: string;`, `  label: string;`, `  count?: number;`, `  tags: readonly string[];`, `}`, '');
  lines.push(`export const ${c} = {`, `  pageSize: ${rnd.int(10, 100)},`, `  retries: ${rnd.int(1, 5)},`, `  endpoint: '/api/${word}/${i}',`, `} as const;`, '');
  lines.push(`export function ${a}(items: ${pascal(word)}Props${i}[], query = ''): ${pascal(word)}Props${i}[] {`);
  lines.push(`  const needle = query.trim().toLowerCase();`, `  const out = items.filter((item) => item.label.toLowerCase().includes(needle));`);
  lines.push(`  out.sort((x, y) => (x.count ?? 0) - (y.count ?? 0) || x.label.localeCompare(y.label));`, `  return out.slice(0, ${c}.pageSize);`, `}`, '');
  lines.push(`export async function ${b}(id: string, signal?: AbortSignal): Promise<${pascal(word)}Props${i} | undefined> {`);
  lines.push(`  for (let attempt = 0; attempt < ${c}.retries; attempt++) {`, `    if (signal?.aborted) return undefined;`);
  lines.push(`    const result = await Promise.resolve({ id, label: \`${word} \${id}\`, tags: [] as string[] });`, `    if (result.id === id) return result;`, `  }`, `  return undefined;`, `}`);
  const extra = rnd.int(0, 4);
  for (let k = 0; k < extra; k++) {
    const verb = rnd.pick(verbs);
    lines.push('', `/** ${verb}s ${word} entries (helper ${k}). */`);
    lines.push(`function ${verb}${pascal(word)}${k}(values: number[]): number {`);
    lines.push(`  let total = 0;`, `  for (const value of values) {`, `    if (value > ${rnd.int(1, 99)}) total += value * ${k + 1};`, `    else total -= value;`, `  }`, `  return total;`, `}`);
    lines.push(`export const ${verb}Result${i}_${k} = ${verb}${pascal(word)}${k}([${rnd.int(1, 9)}, ${rnd.int(10, 99)}, ${rnd.int(100, 999)}]);`);
  }
  return lines.join('\n') + '\n';
}

/** The ways a TS file imports an old module (weights). */
const tsOldForms = { relative: 24, alias: 24, aliasType: 10, importType: 8, reexport: 6, namespace: 5, esmJs: 5, dynamic: 5, aliasRenamed: 5, split: 8 };

function generateTypeScript(n, out, seed) {
  const rnd = makeRandom(seed);
  const w = new TreeWriter(out);
  const expected = { language: 'typescript', files: n, importers: {}, canonicalImporters: 0 };
  const addExpected = (file, form) => (expected.importers[file] ??= []).push(form);

  w.write('tsconfig.json', JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, jsx: 'react-jsx', baseUrl: '.', paths: { '@/*': ['src/*'] } }, include: ['src'] }, null, 2) + '\n');
  w.write('package.json', JSON.stringify({ name: `bench-ts-${n}`, private: true, version: '0.0.0' }, null, 2) + '\n');
  w.write('.gitignore', 'node_modules/\ndist/\n');

  // fixed files: models, entities, barrels, lib, types
  const fixed = [];
  for (const m of tsModels) {
    fixed.push([`src/models/${m.file}.ts`, tsModelSource(m, false)]);
    fixed.push([`src/db/entities/${m.file}.ts`, tsModelSource(m, true)]);
  }
  // the old barrel re-exports every old module: an importer of all of them
  fixed.push(['src/models/index.ts', tsModels.map((m) => `export * from './${m.file}';`).join('\n') + '\n']);
  addExpected('src/models/index.ts', 'barrel');
  fixed.push(['src/db/entities/index.ts', tsModels.map((m) => `export * from './${m.file}';`).join('\n') + '\n']);
  const libs = ['http', 'logger', 'date', 'strings', 'config', 'cache'];
  for (const lib of libs) fixed.push([`src/lib/${lib}.ts`, `export function ${lib}Helper(input: string): string {\n  return \`${lib}:\${input}\`;\n}\n\nexport const ${lib.toUpperCase()}_VERSION = 1;\n`]);
  const types = ['api', 'ui', 'domain', 'events'];
  for (const t of types) fixed.push([`src/types/${t}.ts`, `export type ${pascal(t)}Id = string & { readonly __brand: '${t}' };\nexport interface ${pascal(t)}Envelope<T> {\n  data: T;\n  meta?: Record<string, unknown>;\n}\n`]);

  const featureCount = Math.max(0, n - fixed.length);
  // layout: src/features/<area>/<kind>/<name>.ts, ~24 files per folder, 5 kinds per area, one index.ts barrel per area
  const kinds = ['components', 'services', 'hooks', 'utils', 'api'];
  const perDir = 24;
  const files = []; // { rel, area, kind, index }
  const areas = [];
  for (let i = 0; i < featureCount; ) {
    const area = areas.length;
    const areaName = `${words[area % words.length]}${area >= words.length ? Math.floor(area / words.length) : ''}`;
    areas.push({ name: areaName, barrel: `src/features/${areaName}/index.ts`, members: [] });
    i++; // the barrel counts as a file
    for (const kind of kinds) {
      for (let k = 0; k < perDir && i < featureCount; k++, i++) {
        const isTest = k % 8 === 7;
        const base = `${rnd.pick(verbs)}-${rnd.pick(words)}-${i}`;
        files.push({ rel: `src/features/${areaName}/${kind}/${base}${isTest ? '.test' : ''}.ts`, area, kind, index: i, isTest });
        areas[area].members.push(files.length - 1);
      }
      if (i >= featureCount) break;
    }
  }
  const fileExports = files.map((f) => [`selectItems${f.index}`, `fetchOne${f.index}`, `CONFIG_${f.index}`]);

  // who imports old modules: 3.5 % of the feature files (tests included)
  const oldRate = 0.035;
  const importerIdx = new Set(rnd.sample(files.length, Math.round(files.length * oldRate)));
  const relTo = (fromRel, toRel) => {
    let r = path.posix.relative(path.posix.dirname(fromRel), toRel);
    if (!r.startsWith('.')) r = `./${r}`;
    return r;
  };

  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    const { rel, index, area } = file;
    const imports = [];
    const uses = [];
    const dirMembers = areas[area].members.filter((m) => files[m].kind === file.kind && m !== f && !files[m].isTest);
    // relative siblings
    for (let k = rnd.int(0, 2); k > 0 && dirMembers.length; k--) {
      const m = rnd.pick(dirMembers);
      const [ex] = fileExports[m];
      imports.push(`import { ${ex} as ${ex}_${k} } from '${relTo(rel, files[m].rel.replace(/\.ts$/, ''))}';`);
      uses.push(`export const use${index}_${k} = ${ex}_${k};`);
    }
    // a file of another kind in the same area
    const cousins = areas[area].members.filter((m) => files[m].kind !== file.kind && !files[m].isTest);
    if (cousins.length && rnd.chance(0.4)) {
      const m = rnd.pick(cousins);
      imports.push(`import { ${fileExports[m][1]} } from '${relTo(rel, files[m].rel.replace(/\.ts$/, ''))}';`);
      uses.push(`export const cousin${index} = ${fileExports[m][1]};`);
    }
    // alias imports of lib and types
    const lib = rnd.pick(libs);
    imports.push(`import { ${lib}Helper } from '@/lib/${lib}';`);
    uses.push(`export const tag${index} = ${lib}Helper('${index}');`);
    if (rnd.chance(0.35)) {
      const t = rnd.pick(types);
      imports.push(`import type { ${pascal(t)}Envelope } from '@/types/${t}';`);
      uses.push(`export type Envelope${index} = ${pascal(t)}Envelope<string>;`);
    }
    // another area through its barrel
    if (areas.length > 1 && rnd.chance(0.3)) {
      const other = areas[rnd.int(0, areas.length - 1)];
      const exported = other.members.filter((m) => !files[m].isTest).slice(0, 3);
      if (other !== areas[area] && exported.length) {
        const m = rnd.pick(exported);
        imports.push(`import { ${fileExports[m][2]} } from '@/features/${other.name}';`);
        uses.push(`export const other${index} = ${fileExports[m][2]}.pageSize;`);
      }
    }
    // canonical entities: already migrated code (8 %), through the barrel or the module
    if (rnd.chance(0.08)) {
      expected.canonicalImporters++;
      const m = rnd.pick(tsModels);
      const cls = m.rename && m.rename[m.classes[0]] ? m.rename[m.classes[0]] : m.classes[0];
      imports.push(rnd.chance(0.5) ? `import { ${cls} } from '@/db/entities/${m.file}';` : `import { ${cls} } from '@/db/entities';`);
      uses.push(`export const entity${index} = new ${cls}(${index});`);
    }
    // a field named after a model: the text mentions the model's file name without importing it
    if (rnd.chance(0.05)) {
      const m = rnd.pick(tsModels);
      uses.push(`export const ${camel(m.file)}Id${index} = '${snake(m.file)}-${index}';`);
    }
    // old modules
    if (importerIdx.has(f)) {
      const m = rnd.pick(tsModels);
      const cls = m.classes[0];
      const alias = `@/models/${m.file}`;
      const relative = relTo(rel, `src/models/${m.file}`);
      let form = rnd.weighted(tsOldForms);
      if (form === 'split' && m.kind !== 'names') form = 'alias';
      switch (form) {
        case 'relative':
          imports.push(`import { ${cls} } from '${relative}';`);
          uses.push(`export const make${index} = (id: number): ${cls} => new ${cls}(id);`);
          break;
        case 'alias':
          imports.push(`import { ${m.classes.join(', ')} } from '${alias}';`);
          uses.push(...m.classes.map((c, k) => `export const make${index}_${k} = (id: number) => new ${c}(id);`));
          break;
        case 'aliasType':
          imports.push(`import { ${cls}, type ${cls}Attrs } from '${alias}';`);
          uses.push(`export function toAttrs${index}(x: ${cls}): ${cls}Attrs {\n  return x.toJSON();\n}`);
          break;
        case 'importType':
          imports.push(`import type { ${cls}Attrs } from '${rnd.chance(0.5) ? alias : relative}';`);
          uses.push(`export type Row${index} = ${cls}Attrs & { selected: boolean };`);
          break;
        case 'reexport':
          uses.push(`export { ${cls} } from '${alias}';`, `export type { ${cls}Attrs as ${cls}Row${index} } from '${alias}';`);
          break;
        case 'namespace':
          imports.push(`import * as ${camel(m.file)}Model from '${alias}';`);
          uses.push(`export const ns${index} = new ${camel(m.file)}Model.${cls}(${index});`);
          break;
        case 'esmJs':
          imports.push(`import { ${cls} } from '${relative}.js';`);
          uses.push(`export const esm${index} = ${cls}.tableName;`);
          break;
        case 'dynamic':
          uses.push(`export async function lazy${index}(): Promise<unknown> {\n  const { ${cls} } = await import('${alias}');\n  return new ${cls}(${index});\n}`);
          break;
        case 'aliasRenamed':
          imports.push(`import { ${cls} as Legacy${cls} } from '${alias}';`);
          uses.push(`export const legacy${index} = new Legacy${cls}(${index});`);
          break;
        case 'split':
          imports.push(`import { ${m.classes.join(', ')}, ${m.helper} } from '${alias}';`);
          uses.push(`export const split${index} = [${m.classes.map((c) => `new ${c}(${index})`).join(', ')}, ${m.helper}('X')];`);
          break;
      }
      if (file.isTest) uses.push(`jest.mock('${alias}');`);
      if (m.rename) uses.push(`export const attr${index} = { ${Object.keys(m.rename)[0]}: 'a property, not a reference' }.${Object.keys(m.rename)[0]};`);
      addExpected(rel, form + (file.isTest ? '+jest.mock' : ''));
    }
    if (file.isTest) {
      uses.push(`declare const describe: (name: string, fn: () => void) => void;`, `declare const it: (name: string, fn: () => void) => void;`);
      uses.push(`describe('${rel}', () => {\n  it('works', () => undefined);\n});`);
    }
    // an export-from of a sibling (what barrels and facades do)
    if (dirMembers.length && rnd.chance(0.1)) {
      const m = rnd.pick(dirMembers);
      uses.push(`export { ${fileExports[m][1]} as reexported${index} } from '${relTo(rel, files[m].rel.replace(/\.ts$/, ''))}';`);
    }
    if (file.isTest) uses.unshift(`declare const jest: { mock(path: string): void };`);
    const body = tsBody(rnd, fileExports[f], index);
    w.write(rel, `${imports.join('\n')}\n${imports.length ? '\n' : ''}${uses.join('\n')}\n\n${body}`);
  }
  // area barrels
  for (const a of areas) {
    const lines = a.members.filter((m) => !files[m].isTest).map((m) => `export { ${fileExports[m].join(', ')} } from '${relTo(a.barrel, files[m].rel.replace(/\.ts$/, ''))}';`);
    w.write(a.barrel, lines.join('\n') + '\n');
  }
  for (const [rel, text] of fixed) w.write(rel, text);

  const map = { version: 1, language: 'typescript', root: '.', rewrite: [] };
  for (const m of tsModels) {
    const entry = { from: `src/models/${m.file}`, to: `src/db/entities/${m.file}` };
    // each class's <Class>Attrs interface travels (and is renamed) with it
    if (m.kind === 'names') entry.names = m.classes.flatMap((c) => [c, `${c}Attrs`]);
    if (m.rename) entry.rename = Object.fromEntries(Object.entries(m.rename).flatMap(([a, b]) => [[a, b], [`${a}Attrs`, `${b}Attrs`]]));
    map.rewrite.push(entry);
  }
  const needles = [];
  for (const m of tsModels) needles.push(`models/${m.file}'`, `models/${m.file}"`, `models/${m.file}.js'`, `'./${m.file}'`);
  return finish(w, out, map, needles, expected);
}

// ---------------------------------------------------------------------------------------------
// Python

/**
 * Old modules (module -> classes) and where they go; mirrors the seed consolidation (shared/seeds/001).
 * rename/names as in the import map.
 */
const pyModels = [
  { from: 'app.models.booking', to: 'app.db.models.core', classes: ['Booking', 'BookingStatus'] },
  { from: 'app.models.customer', to: 'app.db.models.core', classes: ['Customer'] },
  { from: 'app.core.auth.station_models', to: 'app.db.models.identity', classes: ['Station', 'UserStationAssignment'], rename: { UserStationAssignment: 'StationUser' } },
  { from: 'app.models.lead', to: 'app.db.models.lead', classes: ['Lead'] },
  { from: 'app.models.social', to: 'app.db.models.lead', classes: ['SocialAccount', 'SocialIdentity'], names: ['SocialAccount', 'SocialIdentity'], rename: { SocialAccount: 'BusinessSocialAccount', SocialIdentity: 'CustomerSocialIdentity' }, helper: 'normalize_handle' },
  { from: 'app.models.social', to: 'app.db.models.feedback_marketing', classes: ['CustomerReview', 'DiscountCoupon'], names: ['CustomerReview', 'DiscountCoupon'] },
  { from: 'app.models.newsletter', to: 'app.db.models.newsletter', classes: ['Campaign', 'Subscriber'] },
  { from: 'app.models.escalation', to: 'app.db.models.support_communications', classes: ['Escalation'] },
  { from: 'app.models.call_recording', to: 'app.db.models.support_communications', classes: ['CallRecording'] },
  { from: 'app.models.role', to: 'app.db.models.identity', classes: ['Role', 'Permission'] },
  { from: 'app.models.payment', to: 'app.db.models.billing', classes: ['Payment', 'Refund'] },
  { from: 'app.models.invoice', to: 'app.db.models.billing', classes: ['Invoice'] },
  { from: 'app.models.menu_item', to: 'app.db.models.catalog', classes: ['MenuItem'] },
  { from: 'app.models.staff', to: 'app.db.models.identity', classes: ['StaffMember'], rename: { StaffMember: 'Employee' } },
  { from: 'app.models.notification', to: 'app.db.models.support_communications', classes: ['Notification'] },
  { from: 'app.models.venue', to: 'app.db.models.catalog', classes: ['Venue'] },
];

const modToFile = (module) => module.replace(/\./g, '/') + '.py';

function pyClass(cls, table) {
  return `\n\nclass ${cls}(Base):\n    __tablename__ = "${table}"\n\n    id = Column(Integer, primary_key=True)\n    tenant_id = Column(String(36), index=True, nullable=False)\n    created_at = Column(DateTime, default=datetime.utcnow)\n\n    def __repr__(self) -> str:\n        return f"<${cls} {self.id}>"\n`;
}

const pyHeader = '"""Generated model module."""\nfrom datetime import datetime\n\nfrom sqlalchemy import Column, DateTime, Integer, String\n\nfrom app.db.base import Base\n';

function pyBody(rnd, index) {
  const word = rnd.pick(words);
  const lines = [];
  lines.push('', '', `DEFAULT_PAGE_SIZE_${index} = ${rnd.int(10, 100)}`, '', '');
  lines.push(`def select_${word}_${index}(items, query=""):`, `    """Filter ${word} rows by label."""`, `    needle = query.strip().lower()`);
  lines.push(`    out = [item for item in items if needle in item.get("label", "").lower()]`, `    out.sort(key=lambda item: (item.get("count", 0), item.get("label", "")))`, `    return out[:DEFAULT_PAGE_SIZE_${index}]`, '', '');
  lines.push(`async def fetch_one_${index}(session, item_id):`, `    for attempt in range(${rnd.int(1, 5)}):`, `        row = await session.get_row("${word}", item_id)`, `        if row is not None:`, `            return row`, `    return None`);
  const extra = rnd.int(0, 3);
  for (let k = 0; k < extra; k++) {
    const verb = rnd.pick(verbs);
    lines.push('', '', `class ${pascal(verb)}${pascal(word)}Helper${index}_${k}:`, `    """${verb}s ${word} values."""`, '', `    def __init__(self, factor=${k + 1}):`, `        self.factor = factor`, '');
    lines.push(`    def run(self, values):`, `        total = 0`, `        for value in values:`, `            if value > ${rnd.int(1, 99)}:`, `                total += value * self.factor`, `            else:`, `                total -= value`, `        return total`);
  }
  return lines.join('\n') + '\n';
}

/** The ways a Python file imports an old module (weights). */
const pyOldForms = { fromImport: 30, fromImportParen: 12, fromImportAlias: 8, importDotted: 10, importDottedAlias: 8, fromPackage: 8, relative: 12, mockPatch: 8, split: 4 };

function generatePython(n, out, seed) {
  const rnd = makeRandom(seed);
  const w = new TreeWriter(out);
  const expected = { language: 'python', files: n, importers: {}, canonicalImporters: 0 };
  const addExpected = (file, form) => (expected.importers[file] ??= []).push(form);
  const fixed = [];
  const packages = new Set();
  const addPackage = (dir) => {
    const parts = dir.split('/');
    for (let k = 1; k <= parts.length; k++) packages.add(parts.slice(0, k).join('/'));
  };

  w.write('pyproject.toml', `[project]\nname = "bench-py-${n}"\nversion = "0.0.0"\n`);
  w.write('.gitignore', '__pycache__/\n*.pyc\n.venv/\n');
  fixed.push(['app/db/base.py', '"""Declarative base."""\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n']);
  // old modules and canonical modules (several old modules merge into one canonical module)
  const oldFiles = new Map();
  const canonFiles = new Map();
  for (const m of pyModels) {
    const tables = m.classes.map((c) => c.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() + 's');
    const oldRel = modToFile(m.from);
    const oldText = oldFiles.get(oldRel) ?? pyHeader;
    oldFiles.set(oldRel, oldText + m.classes.map((c, k) => pyClass(c, tables[k])).join('') + (m.helper ? `\n\ndef ${m.helper}(value):\n    return value.strip().lower()\n` : ''));
    const canonRel = modToFile(m.to);
    const canonText = canonFiles.get(canonRel) ?? pyHeader;
    canonFiles.set(canonRel, canonText + m.classes.map((c, k) => pyClass(m.rename && m.rename[c] ? m.rename[c] : c, tables[k])).join(''));
  }
  for (const [rel, text] of [...oldFiles, ...canonFiles]) {
    fixed.push([rel, text]);
    addPackage(path.posix.dirname(rel));
  }
  // the old package's __init__ re-exports its models with relative imports: an importer of every old module under it
  const oldInit = [...new Set(pyModels.filter((m) => m.from.startsWith('app.models.')).map((m) => m.from))]
    .map((mod) => `from .${mod.split('.').pop()} import ${pyModels.filter((m) => m.from === mod).flatMap((m) => m.classes).join(', ')}`);
  fixed.push(['app/models/__init__.py', `"""Legacy models."""\n${oldInit.join('\n')}\n`]);
  addExpected('app/models/__init__.py', 'barrel-relative');
  const canonInit = [...new Set(pyModels.map((m) => m.to))].map((mod) => `from ${mod} import *  # noqa: F401,F403`);
  fixed.push(['app/db/models/__init__.py', `"""Canonical models."""\n${canonInit.join('\n')}\n`]);
  addPackage('app/db/models');
  addPackage('app/core/auth');
  const utilNames = ['dates', 'money', 'strings', 'pagination', 'security', 'settings'];
  for (const u of utilNames) fixed.push([`app/utils/${u}.py`, `"""Utilities: ${u}."""\n\n\ndef ${u}_helper(value):\n    return f"${u}:{value}"\n`]);
  addPackage('app/utils');

  // layers: app/<layer>/<area>/<name>.py and tests/<layer>/<area>/test_<name>.py; every folder a package
  const layers = ['api/v1/endpoints', 'services', 'repositories', 'schemas', 'workers/tasks', 'integrations'];
  const perDir = 20;
  const fixedInits = () => fixed.filter(([rel]) => rel.endsWith('__init__.py')).length;
  const total = () => fixed.length + files.length + packages.size - fixedInits();
  const files = [];
  const dirs = [];
  for (let area = 0; total() < n; area++) {
    const layer = layers[area % layers.length];
    const round = Math.floor(area / (layers.length * words.length));
    const word = words[Math.floor(area / layers.length) % words.length];
    const areaName = `${word === 'import' ? 'imports' : word}${round ? round : ''}`; // a package cannot be named after a keyword
    const isTests = area % 5 === 4;
    const dir = isTests ? `tests/${layer.split('/')[0]}/${areaName}` : `app/${layer}/${areaName}`;
    if (dirs.includes(dir)) continue;
    dirs.push(dir);
    addPackage(dir);
    for (let k = 0; k < perDir && total() < n; k++) {
      const base = `${rnd.pick(verbs)}_${rnd.pick(words)}_${files.length}`;
      files.push({ rel: `${dir}/${isTests ? 'test_' : ''}${base}.py`, dir, isTests, index: files.length });
    }
  }
  const moduleOf = (rel) => rel.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/\//g, '.');
  const funcOf = (f) => `fetch_one_${f.index}`;
  const byDir = new Map();
  for (const f of files) (byDir.get(f.dir) ?? byDir.set(f.dir, []).get(f.dir)).push(f);

  const oldRate = 0.035;
  const importerIdx = new Set(rnd.sample(files.length, Math.round(files.length * oldRate)));
  const relativePrefix = (rel, targetModule) => {
    // from the file's package up to `app`, then down to the target: ...models.booking
    const pkg = moduleOf(rel).split('.').slice(0, -1);
    const target = targetModule.split('.');
    if (pkg[0] !== target[0]) return undefined;
    return '.'.repeat(pkg.length) + target.slice(1).join('.');
  };

  for (const f of files) {
    const lines = ['"""Generated module."""'];
    const uses = [];
    const siblings = byDir.get(f.dir).filter((s) => s !== f && !s.isTests);
    // from-import of siblings, absolute or relative
    for (let k = rnd.int(0, 2); k > 0 && siblings.length; k--) {
      const s = rnd.pick(siblings);
      lines.push(rnd.chance(0.5) ? `from .${moduleOf(s.rel).split('.').pop()} import ${funcOf(s)}` : `from ${moduleOf(s.rel)} import ${funcOf(s)}`);
      uses.push(`_ref_${k} = ${funcOf(s)}`);
    }
    const util = rnd.pick(utilNames);
    lines.push(rnd.chance(0.7) ? `from app.utils.${util} import ${util}_helper` : `from app.utils import ${util}`);
    if (rnd.chance(0.3)) lines.push('import logging', 'import typing as t');
    // already migrated code
    if (rnd.chance(0.08)) {
      expected.canonicalImporters++;
      const m = rnd.pick(pyModels);
      const cls = m.rename && m.rename[m.classes[0]] ? m.rename[m.classes[0]] : m.classes[0];
      lines.push(rnd.chance(0.6) ? `from ${m.to} import ${cls}` : `from app.db.models import ${cls}`);
      uses.push(`ENTITY = ${cls}`);
    }
    // a variable named after a model: text mentions the old module's last segment without importing it
    if (rnd.chance(0.06)) {
      const m = rnd.pick(pyModels);
      uses.push(`${m.from.split('.').pop()}_id_field = "${m.from.split('.').pop()}_id"`);
    }
    if (importerIdx.has(f.index)) {
      const m = rnd.pick(pyModels);
      const cls = m.classes[0];
      const mod = m.from;
      let form = rnd.weighted(pyOldForms);
      if (form === 'split' && !m.helper) form = 'fromImport';
      if (form === 'mockPatch' && !f.isTests) form = 'fromImport';
      if (form === 'relative' && (f.isTests || !relativePrefix(f.rel, mod))) form = 'fromImportAlias';
      switch (form) {
        case 'fromImport':
          lines.push(`from ${mod} import ${cls}`);
          uses.push(`def make_${f.index}(item_id):\n    return ${cls}(id=item_id)`);
          break;
        case 'fromImportParen':
          lines.push(`from ${mod} import (\n    ${m.classes.join(',\n    ')},\n)`);
          uses.push(`MODELS_${f.index} = [${m.classes.join(', ')}]`);
          break;
        case 'fromImportAlias':
          lines.push(`from ${mod} import ${cls} as ${cls}Model`);
          uses.push(`QUERY_${f.index} = ${cls}Model.__tablename__`);
          break;
        case 'importDotted':
          lines.push(`import ${mod}`);
          uses.push(`def make_${f.index}(item_id):\n    return ${mod}.${cls}(id=item_id)`);
          break;
        case 'importDottedAlias':
          lines.push(`import ${mod} as ${mod.split('.').pop()}_model`);
          uses.push(`TABLE_${f.index} = ${mod.split('.').pop()}_model.${cls}.__tablename__`);
          break;
        case 'fromPackage': {
          const parts = mod.split('.');
          lines.push(`from ${parts.slice(0, -1).join('.')} import ${parts[parts.length - 1]}`);
          uses.push(`TABLE_${f.index} = ${parts[parts.length - 1]}.${cls}.__tablename__`);
          break;
        }
        case 'relative':
          lines.push(`from ${relativePrefix(f.rel, mod)} import ${cls}`);
          uses.push(`def make_${f.index}(item_id):\n    return ${cls}(id=item_id)`);
          break;
        case 'mockPatch':
          lines.push('from unittest import mock', `from ${mod} import ${cls}`);
          uses.push(`@mock.patch("${mod}.${cls}")\ndef test_patched_${f.index}(patched):\n    assert patched is not ${cls}`);
          break;
        case 'split':
          lines.push(`from ${mod} import ${m.classes.join(', ')}, ${m.helper}`);
          uses.push(`HANDLE_${f.index} = ${m.helper}(" X ")`, `PAIR_${f.index} = (${m.classes.join(', ')})`);
          break;
      }
      if (m.rename && m.rename[cls] && form !== 'fromImportAlias') uses.push(`def kwargs_${f.index}(obj):\n    return dict(${cls}=obj.${cls})  # keyword and attribute: never renamed`);
      addExpected(f.rel, form);
    }
    if (f.isTests) uses.push(`\n\ndef test_smoke_${f.index}():\n    assert True`);
    w.write(f.rel, `${lines.join('\n')}\n\n${uses.join('\n\n')}\n${pyBody(rnd, f.index)}`);
  }
  for (const [rel, text] of fixed) w.write(rel, text);
  const written = new Set(fixed.map(([rel]) => rel));
  for (const pkg of [...packages].sort()) {
    const rel = `${pkg}/__init__.py`;
    if (!written.has(rel)) w.write(rel, '');
  }

  const map = { version: 1, language: 'python', root: '.', rewrite: [] };
  for (const m of pyModels) {
    const entry = { from: m.from, to: m.to };
    if (m.names) entry.names = [...m.names];
    if (m.rename) entry.rename = { ...m.rename };
    map.rewrite.push(entry);
  }
  const needles = new Set();
  for (const m of pyModels) {
    needles.add(m.from);
    needles.add(`..${m.from.split('.').slice(1).join('.')} import`);
    if (m.from.startsWith('app.models.')) needles.add(`from .${m.from.split('.').pop()} import`); // inside the old package
  }
  needles.add('from app.models import');
  needles.add('from app.core.auth import station_models');
  return finish(w, out, map, [...needles], expected);
}

// ---------------------------------------------------------------------------------------------

function finish(w, out, map, needles, expected) {
  w.write('map.yaml', toYaml(map));
  w.write('map.json', JSON.stringify(map, null, 2) + '\n');
  w.write('needles.txt', needles.join('\n') + '\n');
  expected.importerCount = Object.keys(expected.importers).length;
  expected.sourceFiles = w.files + 1; // + expected.json itself (not a source file)
  expected.bytes = w.bytes;
  w.write('expected.json', JSON.stringify(expected, null, 2) + '\n');
  return { out, files: w.files, bytes: w.bytes, importers: expected.importerCount };
}

/**
 * Writes a tree into `out` (which must not exist yet).
 * @param {'ts'|'py'} language
 * @returns {{ out: string, files: number, bytes: number, importers: number }}
 */
function generate(language, n, out, seed = 1) {
  if (fs.existsSync(out)) throw new Error(`${out} exists already`);
  if (language === 'ts') return generateTypeScript(n, out, seed);
  if (language === 'py') return generatePython(n, out, seed);
  throw new Error(`unknown language '${language}' (ts or py)`);
}

module.exports = { generate, GENERATOR_VERSION, makeRandom };

if (require.main === module) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
  const [language, count, out] = args;
  if (!language || !count || !out) {
    console.error('usage: node bench/generate.js ts|py N OUT_DIR [--seed S]');
    process.exit(2);
  }
  const result = generate(language, Number(count), out, seed);
  console.error(`wrote ${result.files} files (${(result.bytes / 1048576).toFixed(1)} MiB, ${result.importers} importers of old modules) to ${result.out}`);
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/*
 * Generated import blocks for the import-order properties (isort's and ruff's): sections, straight and from imports,
 * aliases, comments, a magic trailing comma, indented blocks; and the repository they import from, with a map that
 * moves whole modules and single names.
 */
const oldNames: Record<string, string[]> = { 'legacy.alpha': ['Alpha', 'ALPHA_MAX', 'alpha_helper'], 'legacy.beta': ['Beta', 'beta_util'], 'legacy.gamma': ['Gamma', 'gamma_fn'] };
const otherModules = ['os', 'sys', 'typing', 'collections', 'requests', 'attr', 'app.core', 'app.views', 'legacy.untouched'];
/** The packages of the generated repository (first party). */
export const generatedPackages = ['app', 'canonical', 'legacy'];
export const generatedMap = `version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: legacy.alpha, to: canonical.models.everything }\n  - { from: legacy.beta, to: canonical.models.everything }\n  - { from: legacy.gamma, to: canonical.extra, names: [Gamma] }\n`;

const statement = fc.oneof(
  fc.record({ kind: fc.constant('straight' as const), module: fc.constantFrom(...Object.keys(oldNames), ...otherModules), alias: fc.option(fc.constantFrom('m1', 'm2'), { nil: undefined }) }),
  fc.record({
    kind: fc.constant('from' as const),
    module: fc.constantFrom(...Object.keys(oldNames), ...otherModules),
    names: fc.uniqueArray(fc.constantFrom('Alpha', 'ALPHA_MAX', 'alpha_helper', 'Beta', 'beta_util', 'Gamma', 'gamma_fn', 'Thing', 'thing_fn'), { minLength: 1, maxLength: 4 }),
    alias: fc.boolean(),
    comment: fc.boolean(),
    wrapped: fc.boolean(),
  }),
);
type Statement = fc.TypeOf<typeof statement>;

/** A file's imports: at the top, and in a function's body; `config` picks one of the caller's configs. */
export const generatedFile = (configs: number) => fc.record({ top: fc.array(statement, { minLength: 1, maxLength: 6 }), nested: fc.array(statement, { maxLength: 3 }), config: fc.integer({ min: 0, max: configs - 1 }) });
export type GeneratedFile = fc.TypeOf<ReturnType<typeof generatedFile>>;

function render(s: Statement, indent: string): string {
  if (s.kind === 'straight') return `${indent}import ${s.module}${s.alias ? ` as ${s.alias}` : ''}`;
  const names = s.names.filter((n) => (oldNames[s.module] ?? ['Thing', 'thing_fn', 'Alpha', 'Beta']).includes(n));
  const list = (names.length ? names : [(oldNames[s.module] ?? ['Thing'])[0]!]).map((n, i) => (s.alias && i === 0 ? `${n} as ${n}_alias` : n));
  const comment = s.comment ? '  # keep me' : '';
  if (s.wrapped) return `${indent}from ${s.module} import (${comment}\n${list.map((n) => `${indent}    ${n},\n`).join('')}${indent})`;
  return `${indent}from ${s.module} import ${list.join(', ')}${comment}`;
}

/** Writes the repository the files import from, `map.yaml`, and each file as `app/user<i>.py`. */
export function writeGeneratedRepository(dir: string, files: readonly GeneratedFile[]): void {
  for (const pkg of ['legacy', 'canonical', 'canonical/models', 'app']) {
    mkdirSync(join(dir, pkg), { recursive: true });
    writeFileSync(join(dir, pkg, '__init__.py'), '');
  }
  for (const [module, names] of Object.entries(oldNames)) writeFileSync(join(dir, `${module.replace('.', '/')}.py`), names.map((n) => `${n} = 1\n`).join(''));
  writeFileSync(join(dir, 'legacy', 'untouched.py'), 'Thing = 1\nthing_fn = 1\nAlpha = 1\nBeta = 1\n');
  writeFileSync(join(dir, 'canonical', 'models', 'everything.py'), [...oldNames['legacy.alpha']!, ...oldNames['legacy.beta']!].map((n) => `${n} = 1\n`).join(''));
  writeFileSync(join(dir, 'canonical', 'extra.py'), 'Gamma = 1\n');
  for (const name of ['core', 'views']) writeFileSync(join(dir, 'app', `${name}.py`), 'Thing = 1\nthing_fn = 1\nAlpha = 1\nBeta = 1\n');
  writeFileSync(join(dir, 'map.yaml'), generatedMap);
  files.forEach((f, i) => {
    const nested = f.nested.length ? `\n\ndef handler():\n${f.nested.map((s) => render(s, '    ')).join('\n')}\n    return None\n` : '';
    writeFileSync(join(dir, 'app', `user${i}.py`), `"""generated"""\n${f.top.map((s) => render(s, '')).join('\n')}\n${nested}\n\nVALUE = 1\n`);
  });
}

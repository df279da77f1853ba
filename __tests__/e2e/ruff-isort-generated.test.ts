import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { git, remodel } from '../support/cli';
import { generatedFile, generatedPackages, writeGeneratedRepository, type GeneratedFile } from '../support/import-blocks';
import { ruffLinter } from '../support/ruff';
import { temporaryFolder } from '../support/temporary';

/*
 * The import-order property of `isort-generated.test.ts` for a project that sorts imports with ruff: random import
 * blocks (`support/import-blocks.ts`, magic trailing commas included) sorted by ruff's I001 fixes under a random
 * `[lint.isort]` setup, then rewritten: every file must still be sorted for ruff, or be named in the output as a block
 * whose layout remodel does not reproduce. ruff is its WebAssembly build, told the first-party packages.
 */
const runs = Number(process.env.REMODEL_FUZZ_RUNS ?? 6);

const setups: Array<{ 'line-length'?: number; isort: Record<string, unknown> }> = [
  { isort: {} },
  { 'line-length': 60, isort: { 'combine-as-imports': true } },
  { isort: { 'force-single-line': true } },
  { 'line-length': 50, isort: { 'split-on-trailing-comma': false, 'order-by-type': false } },
];

const toml = (value: unknown): string => JSON.stringify(value).replace(/,/g, ', ');

/** Counterexamples fast-check found once, run first every time. */
const found: GeneratedFile[][] = [
  // two imports of one module merge: ruff keeps a name's comment after it in the wrapped list
  [
    {
      top: [
        { kind: 'from', module: 'legacy.alpha', names: ['Alpha'], alias: false, comment: false, wrapped: false },
        { kind: 'from', module: 'legacy.beta', names: ['Alpha'], alias: false, comment: true, wrapped: false },
        { kind: 'straight', module: 'legacy.alpha', alias: undefined },
      ],
      nested: [],
      config: 0,
    },
  ],
  // two aliased imports of different modules become imports of one module: ruff orders them by alias
  [
    {
      top: [
        { kind: 'straight', module: 'legacy.alpha', alias: 'm2' },
        { kind: 'straight', module: 'legacy.beta', alias: 'm1' },
        { kind: 'from', module: 'legacy.alpha', names: ['Alpha'], alias: false, comment: false, wrapped: false },
      ],
      nested: [],
      config: 0,
    },
    { top: [{ kind: 'from', module: 'legacy.alpha', names: ['Alpha'], alias: false, comment: false, wrapped: false }], nested: [], config: 0 },
  ],
];

describe('ruff’s import order kept on generated files (fast-check)', () => {
  it(`a file ruff leaves alone before the rewrite it leaves alone after (${runs} generated repositories)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedFile(setups.length), { minLength: 1, maxLength: 4 }), async (files) => {
        const dir = temporaryFolder('remodel-ruff-');
        const setup = setups[files[0]!.config]!;
        const isort = { ...setup.isort, 'known-first-party': generatedPackages };
        const ruff = ruffLinter({ ...(setup['line-length'] ? { 'line-length': setup['line-length'] } : {}), lint: { select: ['I'], isort } });
        const config = `${setup['line-length'] ? `line-length = ${setup['line-length']}\n` : ''}[lint]\nselect = ["I"]\n\n[lint.isort]\n${Object.entries(isort).map(([key, value]) => `${key} = ${toml(value)}`).join('\n')}\n`;
        writeFileSync(join(dir, 'ruff.toml'), config);
        writeGeneratedRepository(dir, files);
        const users = readdirSync(join(dir, 'app')).filter((name) => name.startsWith('user')).map((name) => join(dir, 'app', name));
        for (const user of users) writeFileSync(user, ruff.fix(readFileSync(user, 'utf8'), 'I001'));
        git(['init', '-q'], dir);
        git(['add', '-A'], dir);
        git(['-c', 'user.email=t@t', '-c', 'user.name=t', 'commit', '-qm', 'sorted'], dir);
        const sorted = (path: string): boolean => !ruff.check(readFileSync(path, 'utf8')).some((diagnostic) => diagnostic.code === 'I001');
        if (!users.every(sorted)) return; // ruff cannot settle this file itself: nothing to keep
        const applied = remodel(['apply', '--map', 'map.yaml'], dir);
        if (applied.status !== 0) throw new Error(applied.stderr);
        // a block whose layout remodel does not reproduce is named in the output, for the user to sort again
        const named = (path: string): boolean => applied.stderr.includes(`${path.slice(dir.length + 1)}:`) && /the way remodel reproduces ruff's import sorting \(run `ruff check --select I --fix`/.test(applied.stderr);
        const failing = users.filter((user) => !sorted(user) && !named(user));
        if (failing.length) throw new Error(`${config}\n${failing.map((user) => `${user}:\n${readFileSync(user, 'utf8')}`).join('\n')}\n${applied.stderr}`);
      }),
      { numRuns: runs, examples: found.map((files) => [files] as [GeneratedFile[]]) },
    );
  });
});

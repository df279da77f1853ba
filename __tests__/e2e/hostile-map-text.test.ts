import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { apply, plan } from '../../src';
import { fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/*
 * Issue 22, item 4: map text never becomes code. A shim `message` with quotes of every kind, newlines (\r, \n,
 * U+2028), comment closers, backslashes, NUL and non-ASCII lands in every generated shim (Python whole-module,
 * name-level, warn-on-import, package; TypeScript whole-module with its runtime warning, name-level) as a string
 * literal or a comment that cannot be closed: every generated file parses, importing a Python shim runs nothing but
 * the shim, and the message reaches the warning intact. Module names that are not names are refused before use.
 */
const runs = Number(process.env.REMODEL_FUZZ_RUNS ?? 12);
const canary = 'PWNED';

const hostile = fc.oneof(
  fc.constantFrom(
    `"""\nimport os; open(${JSON.stringify(canary)}, "w").write("x")\n"""`,
    `'''\nimport os; open('${canary}', 'w')\n'''`,
    `*/ require('fs').writeFileSync('${canary}', 'x'); /*`,
    `\r open('${canary}','w')`,
    `\u2028 require('fs').writeFileSync('${canary}', 'x')`,
    `\\\\"; open('${canary}','w'); #`,
    `\0 nul \x07 bell`,
    `déprécié — 使用 ✓ \ud83d\ude00`,
    `\\N{BULLET} \\x41 {0} {name} %s %(x)s \${x}`,
  ),
  fc.string({ unit: fc.constantFrom('"', "'", '\\', '\n', '\r', '*', '/', '#', '`', '$', '{', '}', 'a', ' ', '\u2028', '\0', 'é') , minLength: 1, maxLength: 30 }),
);

const pythonCases = ['python-whole-module-rename', 'python-name-level', 'python-whole-module-warn-import', 'python-package-move'];
const typescriptCases = ['ts-whole-module', 'ts-name-level'];

/** The map of a shim fixture with `message:` (and a runtime warning, for TS) on every shim entry. */
function withMessage(mapText: string, message: string, typescript: boolean): string {
  const extra = `\n    message: ${JSON.stringify(message)}${typescript ? '\n    runtimeWarning: true' : ''}`;
  return mapText.replace(/^\s+(message|runtimeWarning):.*\n/gm, '').replace(/^(\s*- module: .+)$/gm, (line) => `${line}${extra}`);
}

async function shimsFor(fixture: string, message: string, typescript: boolean) {
  const repo = makeTempRepo(join(fixturesRoot, 'insert-shims', fixture, 'input'));
  repo.write('map.yaml', withMessage(repo.read('map.yaml'), message, typescript));
  const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
  return { repo, computed, shims: computed.changes.filter((change) => change.sources.includes('insert-shims')) };
}

describe('map text never becomes code', () => {
  it('Python shims: every hostile message gives a shim that parses, runs nothing else on import, and warns with the message', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom(...pythonCases), async (message, fixture) => {
        const { repo, computed, shims } = await shimsFor(fixture, message, false);
        try {
          expect(computed.failures).toEqual([]);
          expect(shims.length).toBeGreaterThan(0);
          apply(computed);
          const modules = shims.map((shim) => shim.path.replace(/\/__init__\.py$/, '').replace(/\.py$/, '').split('/').join('.'));
          const script = [
            'import ast, json, sys, warnings',
            `files = ${JSON.stringify(shims.map((shim) => shim.path))}`,
            'for f in files: ast.parse(open(f, encoding="utf-8").read(), f)',
            'seen = []',
            'with warnings.catch_warnings(record=True) as caught:',
            '    warnings.simplefilter("always")',
            `    for m in ${JSON.stringify(modules)}:`,
            '        mod = __import__(m, fromlist=["*"])',
            '        for name in [n for n in dir(mod) if not n.startswith("_")][:3]: getattr(mod, name)',
            '    seen = [str(w.message) for w in caught]',
            'print(json.dumps(seen))',
          ].join('\n');
          const out = execFileSync('/usr/bin/python3', ['-c', script], { cwd: repo.dir, encoding: 'utf8' });
          expect(existsSync(join(repo.dir, canary))).toBe(false);
          expect(JSON.parse(out)).toContain(message);
        } finally {
          repo.dispose();
        }
      }),
      { numRuns: runs },
    );
  });

  it('TypeScript shims: every hostile message gives a shim that parses and carries the message only in a string or a comment', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom(...typescriptCases), async (message, fixture) => {
        const { repo, computed, shims } = await shimsFor(fixture, message, true);
        try {
          expect(computed.failures).toEqual([]);
          expect(shims.length).toBeGreaterThan(0);
          for (const shim of shims) {
            const source = ts.createSourceFile(shim.path, shim.after!, ts.ScriptTarget.Latest, true);
            expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
            // the message is in one string literal (the runtime warning) intact
            const strings: string[] = [];
            const calls: string[] = [];
            const visit = (node: ts.Node): void => {
              if (ts.isStringLiteral(node)) strings.push(node.text);
              if (ts.isCallExpression(node)) calls.push(node.expression.getText(source));
              ts.forEachChild(node, visit);
            };
            visit(source);
            if (/emitWarning/.test(shim.after!)) expect(strings).toContain(message);
            // nothing the message spells is called
            expect(calls.filter((call) => /require|writeFileSync|open/.test(call))).toEqual([]);
          }
        } finally {
          repo.dispose();
        }
      }),
      { numRuns: runs },
    );
  });

  it.each([
    ['python', 'old.social\nimport os', "is not a Python module name"],
    ['python', 'old.social; import os', "is not a Python module name"],
    ['typescript', 'src/legacy\n//x', 'is not a module specifier'],
    ['typescript', 'src/*/legacy', 'is not a module specifier'],
  ])('a %s module name that is not one (%j) is refused, naming the entry', async (language, module, why) => {
    const repo = makeTempRepo();
    try {
      repo.write('map.yaml', `version: 1\nlanguage: ${language}\nroot: .\nrewrite:\n  - from: ${JSON.stringify(module)}\n    to: elsewhere\n`);
      await expect(plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] })).rejects.toThrow(new RegExp(`map\\.yaml:5: rewrite\\[0\\]\\.from: .*${why}`));
    } finally {
      repo.dispose();
    }
  });
});


import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src';
import { snapshot } from '../support/cli';
import { blackWouldReformat } from '../support/black-check';
import { pythonCompileErrors } from '../support/python-compile';
import { pylintMessages } from '../support/pylint-check';
import { fixtureFolders, fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/**
 * Multi-file cases: `__testfixtures__/<transform>/<case>/{input,output}/`. The input tree (with its `map.yaml`)
 * is planned and applied in a temporary copy and must equal the output tree; applying again changes nothing; every
 * Python file the transform wrote compiles with Python itself where its input did (tree-sitter takes an empty block
 * without an error: a shim with one was once recorded here as expected output).
 */
const transforms = ['rewrite-imports', 'insert-shims', 'move-files'].filter((name) => existsSync(join(fixturesRoot, name)));

/** The Python files of `output/` that differ from `input/` (or are new) which Python refuses where their input did not. */
function pythonThatDoesNotCompile(dir: string): string[] {
  const input = snapshot(join(dir, 'input'));
  const written = Object.entries(snapshot(join(dir, 'output'))).filter(([path, content]) => /\.pyi?$/.test(path) && input[path] !== content).map(([path]) => path);
  const inputErrors = pythonCompileErrors(written.filter((path) => input[path] !== undefined).map((path) => join(dir, 'input', path)));
  const compiled = written.filter((path) => !inputErrors.some((error) => error.startsWith(`${join(dir, 'input', path)}:`)));
  return pythonCompileErrors(compiled.map((path) => join(dir, 'output', path)));
}

/**
 * The Python files of `output/` that differ from `input/` which black would reformat where it left their input alone,
 * and the new shims it would reformat (a moved file is judged with its folder's other files, not here).
 */
function pythonBlackWouldReformat(dir: string): string[] {
  const input = snapshot(join(dir, 'input'));
  const output = snapshot(join(dir, 'output'));
  const written = Object.keys(output).filter((path) => /\.py$/.test(path) && input[path] !== output[path] && (input[path] !== undefined || output[path]!.includes('remodel: deprecation shim')));
  const before = new Set(blackWouldReformat(written.filter((path) => input[path] !== undefined).map((path) => join(dir, 'input', path))));
  return blackWouldReformat(written.filter((path) => !before.has(join(dir, 'input', path))).map((path) => join(dir, 'output', path)));
}

/** The pylint messages (imports, line length) a shim fixture's written Python files have that their input did not. */
function newPylintMessages(dir: string): string[] {
  const input = snapshot(join(dir, 'input'));
  const output = snapshot(join(dir, 'output'));
  const written = Object.keys(output).filter((path) => /\.py$/.test(path) && input[path] !== output[path]);
  const before = new Set(pylintMessages(join(dir, 'input'), written.filter((path) => input[path] !== undefined)));
  return pylintMessages(join(dir, 'output'), written).filter((message) => !before.has(message));
}

async function run(tree: string) {
  const repo = makeTempRepo(tree);
  try {
    const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')] });
    apply(computed);
    return { tree: snapshot(repo.dir), computed };
  } finally {
    repo.dispose();
  }
}

for (const transform of transforms) {
  describe(transform, () => {
    for (const { name, dir } of fixtureFolders(transform)) {
      it(`${name}: turns input/ into output/`, async () => {
        const { tree, computed } = await run(join(dir, 'input'));
        expect(computed.failures).toEqual([]);
        expect(tree).toEqual(snapshot(join(dir, 'output')));
      });
      it(`${name}: leaves output/ unchanged (idempotent)`, async () => {
        const { computed } = await run(join(dir, 'output'));
        expect(computed.changes.map((c) => c.path)).toEqual([]);
      });
      if (Object.keys(snapshot(join(dir, 'output'))).some((path) => /\.pyi?$/.test(path))) {
        it(`${name}: writes Python that compiles`, () => {
          expect(pythonThatDoesNotCompile(dir)).toEqual([]);
        });
        it(`${name}: writes Python black leaves as it is (where it left the input so)`, () => {
          expect(pythonBlackWouldReformat(dir)).toEqual([]);
        });
        if (transform === 'insert-shims') {
          it(`${name}: writes shims pylint has nothing new to say about (imports, line length)`, () => {
            expect(newPylintMessages(dir)).toEqual([]);
          });
        }
      }
    }
  });
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { apply, plan } from '../../src';
import { snapshot } from '../support/cli';
import { fixtureFolders, fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/**
 * Multi-file cases: `__testfixtures__/<transform>/<case>/{input,output}/`. The input tree (with its `map.yaml`)
 * is planned and applied in a temporary copy and must equal the output tree; applying again changes nothing.
 */
const transforms = ['rewrite-imports', 'insert-shims', 'move-files'].filter((name) => existsSync(join(fixturesRoot, name)));

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
    }
  });
}

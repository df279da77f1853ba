import { join } from 'node:path';
import { plan } from '../../src';
import { makeTempRepo } from '../support/tempRepo';

/**
 * An in-place shim imports the moved names back into the old module. When the canonical module imports from the old
 * one and uses that import while it loads (`class Leaf extends Base`), or the old module uses a moved name while it
 * loads, the two modules load each other and one load order fails at run time ("Class extends value undefined"). Refused,
 * naming both; a cycle whose imports are read only inside functions is served.
 */
describe('a TypeScript in-place shim whose canonical module imports the old one', () => {
  const repoWith = (leaf: string, old = 'export class Base {}\nexport class Leaf extends Base {}\nexport function convert(): Leaf {\n  return new Leaf();\n}\n') => {
    const repo = makeTempRepo();
    repo.write('tsconfig.json', '{ "compilerOptions": { "strict": true, "module": "commonjs", "target": "es2020" } }\n');
    repo.write('src/old.ts', old);
    repo.write('src/leaf.ts', leaf);
    repo.write('src/main.ts', "import { Leaf, convert } from './old';\nconsole.log(new Leaf(), convert());\n");
    repo.write('map.yaml', 'version: 1\nlanguage: typescript\nroot: .\nrewrite:\n  - { from: src/old, to: src/leaf, names: [Leaf] }\nshims:\n  - module: src/old\n');
    return repo;
  };

  it('refused when the canonical module uses an import from the old one while it loads', async () => {
    const repo = repoWith("import { Base } from './old';\n\nexport class Leaf extends Base {}\n");
    try {
      await expect(plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(
        /map\.yaml:7: shims\[0\]\.module: src\/leaf uses Base from src\/old while it loads, and the shim would make src\/old import Leaf from src\/leaf: the two load each other, and loading src\/old first fails/,
      );
    } finally {
      repo.dispose();
    }
  });

  it('refused when the old module uses a moved name while it loads', async () => {
    const repo = repoWith(
      "import { Base } from './old';\n\nexport class Leaf {\n  base(): Base {\n    return new Base();\n  }\n}\n",
      'export class Base {}\nexport class Leaf {}\nexport const DEFAULT_LEAF = new Leaf();\nexport function convert(): Leaf {\n  return new Leaf();\n}\n',
    );
    try {
      await expect(plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(
        /src\/old uses Leaf while it loads, and the shim would make it import Leaf from src\/leaf, which imports src\/old: the two load each other, and loading src\/leaf first fails/,
      );
    } finally {
      repo.dispose();
    }
  });

  it('served when both read what they import from each other only inside functions (or as types)', async () => {
    const repo = repoWith("import { Base } from './old';\nimport type { Base as B } from './old';\n\nexport class Leaf {\n  base(): B {\n    return new Base();\n  }\n}\n");
    try {
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes.map((c) => c.path).sort()).toEqual(['src/main.ts', 'src/old.ts']);
    } finally {
      repo.dispose();
    }
  });
});

import { plan } from '../../src';
import { makeTempRepo } from '../support/tempRepo';

/**
 * A file that computes paths from its own location (`__file__`, `__dirname`, `import.meta.url`) reads another folder
 * once moved: each such read is listed at its line in the moved file (pip's `get_pip_version()` once named
 * `pip/_internal` instead of `pip` after its `utils/misc.py` moved a folder down).
 */
async function reviewOf(files: Record<string, string>, map: string) {
  const repo = makeTempRepo();
  try {
    for (const [file, text] of Object.entries(files)) repo.write(file, text);
    repo.write('map.yaml', map);
    const computed = await plan({ cwd: repo.dir, maps: [`${repo.dir}/map.yaml`] });
    return computed.needsReview.map((item) => `${item.file}:${item.line}: ${item.reason}`);
  } finally {
    repo.dispose();
  }
}

describe('move-files: a moved file that reads its own location is listed', () => {
  it('Python: __file__ and __package__ read in code (not in a comment, a string or as another module\'s attribute)', async () => {
    const review = await reviewOf(
      {
        'pkg/__init__.py': '',
        'pkg/utils/__init__.py': '',
        'pkg/utils/misc.py': 'import os\n\n# __file__ in a comment\nNOTE = "__file__ in a string"\n\n\ndef root():\n    return os.path.join(os.path.dirname(__file__), "..", "..")\n\n\nOTHER = os.__file__  # another module\'s place\n',
        'pkg/utils/same.py': 'import os\nHERE = os.path.dirname(__file__)\n',
        'pkg/utils/data.py': 'from importlib import resources\n\nSCHEMA = resources.files(__package__) / "schema.json"\n',
      },
      'version: 1\nlanguage: python\nroot: .\nrelocate:\n  - { from: pkg/utils/misc.py, to: pkg/utils/legacy/misc.py }\n  - { from: pkg/utils/same.py, to: pkg/utils/also_same.py }\n  - { from: pkg/utils/data.py, to: pkg/data.py }\n',
    );
    expect(review).toEqual([
      "pkg/data.py:3: __package__ reads where this file is, and it moves from pkg/utils to pkg: a path computed from it (a sibling, '..') now starts there; check it",
      "pkg/utils/legacy/misc.py:8: __file__ reads where this file is, and it moves from pkg/utils to pkg/utils/legacy: a path computed from it (a sibling, '..') now starts there; check it",
    ]);
  });

  it('TypeScript/JavaScript: __dirname, __filename and import.meta.url / dirname', async () => {
    const review = await reviewOf(
      {
        'tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "allowJs": true } }\n',
        'src/config.ts': 'import * as path from "node:path";\n// __dirname in a comment\nexport const root = path.join(__dirname, "..");\nexport const self = __filename;\n',
        'src/esm.mjs': 'export const here = new URL(".", import.meta.url);\nexport const dir = import.meta.dirname;\nconst meta = { url: "__dirname" };\n',
      },
      'version: 1\nlanguage: typescript\nroot: .\nrelocate:\n  - { from: src/config.ts, to: src/settings/config.ts }\n  - { from: src/esm.mjs, to: lib/esm.mjs }\n',
    );
    expect(review).toEqual([
      "lib/esm.mjs:1: import.meta.url reads where this file is, and it moves from src to lib: a path computed from it (a sibling, '..') now starts there; check it",
      "lib/esm.mjs:2: import.meta.dirname reads where this file is, and it moves from src to lib: a path computed from it (a sibling, '..') now starts there; check it",
      "src/settings/config.ts:3: __dirname reads where this file is, and it moves from src to src/settings: a path computed from it (a sibling, '..') now starts there; check it",
      "src/settings/config.ts:4: __filename reads where this file is, and it moves from src to src/settings: a path computed from it (a sibling, '..') now starts there; check it",
    ]);
  });
});

describe('move-files: what the rewrite lists in a file that moves is listed at its new path', () => {
  it('a mention in a docstring of a moved module, in a module the same plan relocates', async () => {
    const review = await reviewOf(
      {
        'pkg/__init__.py': '',
        'pkg/old.py': 'def now():\n    return 1\n',
        'pkg/new.py': 'def now():\n    return 1\n',
        'pkg/helpers.py': 'def later():\n    """Calls pkg.old.now() later."""\n    return 2\n',
      },
      'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: pkg.old, to: pkg.new, names: [now] }\nrelocate:\n  - { from: pkg/helpers.py, to: pkg/legacy/helpers.py }\n',
    );
    expect(review).toEqual(["pkg/legacy/helpers.py:2: 'pkg.old.now' mentioned in text (a docstring or message) is not rewritten"]);
  });
});

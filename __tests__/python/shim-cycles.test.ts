import { join } from 'node:path';
import { plan } from '../../src';
import { makeTempRepo } from '../support/tempRepo';

/**
 * A canonical module that still gets a moved name from the old module (a facade: `from core.edits import apply_edits
 * as apply_text_edits`) cannot be what the old module's shim serves: the shim would delete the definition the facade
 * imports, and import itself. The run stops before anything is written, naming the entry.
 */
describe('a Python shim whose canonical module re-exports the old definition', () => {
  const repoWith = (facade: string, entry: string, facadeFile = 'text/apply_edits.py') => {
    const repo = makeTempRepo();
    repo.write('core/__init__.py', '');
    repo.write('core/edits.py', 'def apply_edits(text):\n    return text\n\n\ndef line_at(text):\n    return 1\n');
    repo.write('text/__init__.py', '');
    repo.write(facadeFile, facade);
    repo.write('text/chain.py', 'from core.edits import *  # noqa\n');
    repo.write('main.py', 'from core.edits import apply_edits, line_at\n\nprint(apply_edits("a"), line_at("a"))\n');
    repo.write('map.yaml', `version: 1\nlanguage: python\nroot: .\nrewrite:\n  - ${entry}\nshims:\n  - module: core.edits\n`);
    return repo;
  };

  it.each([
    ['a name-level entry, imported by the facade', 'from core.edits import apply_edits as apply_text_edits\n', '{ from: core.edits, to: text.apply_edits, names: [apply_edits], rename: { apply_edits: apply_text_edits } }', /map\.yaml:7: shims\[0\]\.module: text\.apply_edits gets apply_text_edits from core\.edits itself/, 'text/apply_edits.py'],
    ['a name-level entry, through a second module', 'from text.chain import apply_edits as apply_text_edits\n', '{ from: core.edits, to: text.apply_edits, names: [apply_edits], rename: { apply_edits: apply_text_edits } }', /text\.apply_edits gets apply_text_edits from core\.edits itself \(through text\.chain\)/, 'text/apply_edits.py'],
    ['a whole-module entry, relatively imported', 'from .edits import apply_edits, line_at  # noqa\n', '{ from: core.edits, to: core.api }', /core\.api gets apply_edits, line_at from core\.edits itself/, 'core/api.py'],
    ['a whole-module entry, star-imported', 'from core.edits import *  # noqa\n', '{ from: core.edits, to: text.apply_edits }', /text\.apply_edits gets apply_edits, line_at from core\.edits itself/, 'text/apply_edits.py'],
  ])('%s: refused', async (_, facade, entry, message, facadeFile) => {
    const repo = repoWith(facade, entry, facadeFile);
    try {
      await expect(plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(message);
    } finally {
      repo.dispose();
    }
  });

  it('a canonical module that defines the name itself is served', async () => {
    const repo = repoWith('def apply_text_edits(text):\n    return text\n', '{ from: core.edits, to: text.apply_edits, names: [apply_edits], rename: { apply_edits: apply_text_edits } }');
    try {
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes.map((c) => c.path).sort()).toEqual(['core/edits.py', 'main.py']);
    } finally {
      repo.dispose();
    }
  });
});

/**
 * A name-level shim imports a moved name back where its definition stood when the old module still uses it. If the
 * canonical module itself imports from the old module at its top (a module split in two), that makes a circular import
 * that fails when the canonical module is imported first (blib2to3's `pytree` split: `import black` failed). Refused,
 * naming both modules; a canonical module that imports the old one inside a function is served.
 */
describe('a Python name-level shim that would import back from a canonical module importing the old one', () => {
  const repoWith = (leaf: string) => {
    const repo = makeTempRepo();
    repo.write('tree/__init__.py', '');
    repo.write('tree/nodes.py', 'class Base:\n    pass\n\n\nclass Leaf(Base):\n    pass\n\n\ndef convert(value):\n    return Leaf()\n');
    repo.write('tree/leaf.py', leaf);
    repo.write('main.py', 'from tree.nodes import Leaf, convert\n\nprint(Leaf, convert(1))\n');
    repo.write('map.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: tree.nodes, to: tree.leaf, names: [Leaf] }\nshims:\n  - module: tree.nodes\n');
    return repo;
  };

  it('refused when the canonical module imports from the old one at its top', async () => {
    const repo = repoWith('from tree.nodes import Base\n\n\nclass Leaf(Base):\n    pass\n');
    try {
      await expect(plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 })).rejects.toThrow(
        /map\.yaml:7: shims\[0\]\.module: tree\.leaf imports Base from tree\.nodes at its top, and the shim would make tree\.nodes import Leaf from tree\.leaf where it still uses it: a circular import that fails when tree\.leaf is imported first/,
      );
    } finally {
      repo.dispose();
    }
  });

  it('served when the canonical module imports the old one inside a function', async () => {
    const repo = repoWith('class Leaf:\n    def base(self):\n        from tree.nodes import Base\n\n        return Base\n');
    try {
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes.map((c) => c.path).sort()).toEqual(['main.py', 'tree/nodes.py']);
    } finally {
      repo.dispose();
    }
  });
});

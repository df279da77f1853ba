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

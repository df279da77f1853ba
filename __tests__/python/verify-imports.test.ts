import { verifyPythonImports } from '../../src/languages/python/verify';
import type { PlannedTrees, TreeView } from '../../src/languages/types';

/*
 * Issue 23, item 2 (Python, static): every import in a file the plan writes resolves to a module of the repository
 * that defines the name. The trees are given directly, with breaks planted in the "after" one.
 */
const view = (files: Record<string, string>): TreeView => ({ files: Object.keys(files).sort(), read: (file) => files[file] });

const before = {
  'pkg/__init__.py': '',
  'pkg/old.py': 'class Booking:\n    pass\n\ndef helper():\n    pass\n',
  'pkg/new.py': 'class Booking:\n    pass\n',
  'pkg/sub/__init__.py': 'from .impl import *\n',
  'pkg/sub/impl.py': 'def anything():\n    pass\n',
  'app/__init__.py': '',
  'app/use.py': 'import os\nfrom pkg.old import Booking, helper\nfrom pkg.gone import Thing\n',
};

function trees(after: Record<string, string>): PlannedTrees {
  return { cwd: '/repo', before: view(before), after: view({ ...before, ...after }), changed: Object.keys(after), movedFrom: new Map(), mode: 'static' };
}

describe('verifyPythonImports', () => {
  it('reports a name the new module lacks and a module that does not exist, not what was broken before', async () => {
    const problems = await verifyPythonImports(['.'], trees({
      'app/use.py': 'import os\nimport pkg.missing\nfrom pkg.new import Booking, helper\nfrom pkg.gone import Thing\nfrom requests import get\n',
    }));
    expect(problems).toEqual([
      { file: 'app/use.py', line: 2, message: "No module named 'pkg.missing'" },
      { file: 'app/use.py', line: 3, message: "cannot import name 'helper' from 'pkg.new'" },
    ]);
  });

  it('resolves relative imports from the file\'s package, submodules as names, and star-exporting packages as open', async () => {
    const problems = await verifyPythonImports(['.'], trees({
      'pkg/user.py': 'from .new import Booking\nfrom . import sub\nfrom .sub import whatever\nfrom .new import Nope\nfrom .... import deep\n',
    }));
    expect(problems).toEqual([
      { file: 'pkg/user.py', line: 4, message: "cannot import name 'Nope' from 'pkg.new'" },
      { file: 'pkg/user.py', line: 5, message: 'attempted relative import beyond top-level package' },
    ]);
  });

  it('a module the plan deletes breaks the files that still import it', async () => {
    const { 'pkg/old.py': _deleted, ...rest } = before;
    const withoutOld: PlannedTrees = { ...trees({}), after: view({ ...rest, 'app/use.py': 'from pkg.old import Booking\n' }), changed: ['app/use.py', 'pkg/old.py'] };
    expect(await verifyPythonImports(['.'], withoutOld)).toEqual([{ file: 'app/use.py', line: 1, message: "No module named 'pkg.old'" }]);
  });
});

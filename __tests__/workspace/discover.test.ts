import { discoverFiles } from '../../src/workspace/discover';
import { makeTempRepo } from '../support/tempRepo';

/*
 * Discovery decides from what each folder's listing names (issue 17: a `.gitignore` read, and a `pyvenv.cfg` looked up,
 * in every folder cost 11 % of a medusa plan): a nested .gitignore applies below its folder, a virtualenv under any
 * name is skipped, a folder named `.gitignore` is not a rules file.
 */
describe('discoverFiles', () => {
  it('honours nested .gitignore files, skips virtualenvs by their pyvenv.cfg, and ignores a folder named .gitignore', () => {
    const repo = makeTempRepo();
    try {
      const files: Record<string, string> = {
        '.gitignore': '*.log\n',
        'a.py': '',
        'debug.log': '',
        'pkg/.gitignore': 'generated/\n!keep.log\n',
        'pkg/keep.log': '',
        'pkg/generated/x.py': '',
        'pkg/mod.py': '',
        'other/generated/y.py': '',
        'tools/env-3.11/pyvenv.cfg': '',
        'tools/env-3.11/lib/site.py': '',
        'tools/run.py': '',
        'odd/.gitignore/inside.py': '',
        'odd/z.py': '',
      };
      for (const [file, text] of Object.entries(files)) repo.write(file, text);
      expect(discoverFiles(repo.dir)).toEqual(['.gitignore', 'a.py', 'odd/.gitignore/inside.py', 'odd/z.py', 'other/generated/y.py', 'pkg/.gitignore', 'pkg/keep.log', 'pkg/mod.py', 'tools/run.py']);
    } finally {
      repo.dispose();
    }
  });
});

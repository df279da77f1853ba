import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempRepo } from '../support/tempRepo';

/** The package shim at run time: `old.sub` imports load `new.sub` (same objects), warning at the importing line. */
describe('package shim (package: true + shims)', () => {
  it('redirects every old submodule to the new one and warns once at the importing line', () => {
    const repo = makeTempRepo(join(__dirname, '..', '..', '__testfixtures__', 'insert-shims', 'python-package-move', 'output'));
    try {
      repo.write(
        'probe.py',
        [
          'import json, warnings',
          'with warnings.catch_warnings(record=True) as caught:',
          '    warnings.simplefilter("always")',
          '    import old.models',
          '    from old.models import Flow',
          '    import new.models',
          'print(json.dumps({"same": old.models is new.models and Flow is new.models.Flow,',
          '                  "warnings": [[str(w.message), w.filename.rsplit("/", 1)[-1], w.lineno] for w in caught]}))',
          '',
        ].join('\n'),
      );
      const out = JSON.parse(execFileSync('/usr/bin/python3', ['-B', 'probe.py'], { cwd: repo.dir, encoding: 'utf8' }));
      expect(out).toEqual({ same: true, warnings: [['old.models is deprecated: import new.models instead', 'probe.py', 4]] });
    } finally {
      repo.dispose();
    }
  });
});

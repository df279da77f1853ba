import fc from 'fast-check';
import { join } from 'node:path';
import { plan, readImportMap } from '../../src';
import { pythonAdapter } from '../../src/languages/python';
import { mentionsAny } from '../../src/languages/needles';
import { firstSyntaxError, parsePython } from '../../src/languages/python/syntax';
import { makeTempRepo } from '../support/tempRepo';
import { workspaceOf } from '../typescript/support';

/*
 * Issue 17, lever "a prefilter that decides on resolved specifiers": a Python file's relative imports are resolved
 * from its package before any parse; only one that reaches an old module (or a package above it, which can bind it)
 * makes the file a candidate. saleor parsed 2,044 files for about 464 importers because any relative import in a file
 * that mentioned `core`, `types` or `filters` passed.
 */
const FILES: Record<string, string> = {
  'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: pkg.models.booking, to: pkg.db.core }\n',
  'pkg/__init__.py': '',
  'pkg/models/__init__.py': '',
  'pkg/models/booking.py': 'class Booking:\n    pass\n',
  'pkg/db/__init__.py': '',
  'pkg/db/core.py': 'class Booking:\n    pass\n',
  'pkg/account/__init__.py': '',
  'pkg/account/booking_types.py': 'class BookingType:\n    pass\n',
  'pkg/api/__init__.py': '',
  'pkg/api/helpers.py': 'def booking_count():\n    return 0\n',
  // importers: relative, from the package above, multi-line
  'pkg/api/direct.py': 'from ..models.booking import Booking\n\nprint(Booking)\n',
  'pkg/api/through_package.py': 'from ..models import (\n    booking,\n)\n\nprint(booking.Booking)\n',
  'pkg/models/sibling.py': 'from . import booking\n\nprint(booking.Booking)\n',
  // not importers, though they mention `booking` and import relatively
  'pkg/api/other_module.py': 'from ..account.booking_types import BookingType\n\nprint(BookingType)\n',
  'pkg/api/same_package.py': 'from .helpers import booking_count  # booking\n\nprint(booking_count())\n',
  // the package above, but other names of it (django's `from django.db.models import Q` in a file that says `fields`)
  'pkg/api/other_names_absolute.py': 'from pkg.models import Booking as B  # booking\n\nprint(B)\n',
  'pkg/models/other_names_relative.py': 'from . import (\n    # booking lives next door\n    sibling,\n)\n\nprint(sibling)\n',
  // another module with the same last two parts (the canonical twin of a duplicated model)
  'pkg/api/canonical_twin.py': 'from pkg.db.models.booking import Booking\n\nprint(Booking)\n',
};

/** Files that import the package above the old module by the old module's own name, or everything from it. */
const PARENT_IMPORTERS: Record<string, string> = {
  'pkg/api/absolute_parent.py': 'from pkg.models import (\n    sibling,\n    booking as b,\n)\n\nprint(b.Booking)\n',
  'pkg/api/star.py': 'from pkg.models import *  # booking\n\nprint(booking.Booking)\n',
  'pkg/models/continued.py': 'from . import sibling, \\\n    booking\n\nprint(booking.Booking)\n',
  // through a binding of an ancestor: the attribute chain ends with the old module's last parts
  'pkg/api/aliased_top.py': 'import pkg as p\n\nprint(p.models.booking.Booking)\n',
  'pkg/api/from_top.py': 'from pkg import models\n\nprint(models.booking.Booking)\n',
};

describe('Python prefilter: relative imports resolved before a parse', () => {
  it('parses the files whose relative imports reach the old module, and only those', async () => {
    const repo = makeTempRepo();
    try {
      for (const [file, text] of Object.entries(FILES)) repo.write(file, text);
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], only: ['rewrite-imports'] });
      expect(computed.changes.map((change) => change.path).sort()).toEqual(['pkg/api/direct.py', 'pkg/api/through_package.py', 'pkg/models/sibling.py']);
      expect(computed.summary.filesParsed).toBe(3);
    } finally {
      repo.dispose();
    }
  });

  it('keeps a file that imports the package above by the old module\'s name (absolute, relative, continued) or with *', async () => {
    const repo = makeTempRepo();
    try {
      for (const [file, text] of Object.entries({ ...FILES, ...PARENT_IMPORTERS })) repo.write(file, text);
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], only: ['rewrite-imports'] });
      expect(computed.summary.filesParsed).toBe(3 + Object.keys(PARENT_IMPORTERS).length);
      expect(computed.changes.map((change) => change.path)).toEqual(expect.arrayContaining(['pkg/api/absolute_parent.py', 'pkg/models/continued.py']));
    } finally {
      repo.dispose();
    }
  });

  it('does not parse a file that only imports an unmoved submodule of an old package (Django: `from django.db.models.fields.related import`)', async () => {
    const repo = makeTempRepo();
    try {
      const files: Record<string, string> = {
        'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: pkg.fields, to: pkg.models }\n',
        'pkg/__init__.py': '',
        'pkg/models.py': 'class Field:\n    pass\n',
        'pkg/fields/__init__.py': 'class Field:\n    pass\n',
        'pkg/fields/related.py': 'class ForeignKey:\n    pass\n',
        'app/__init__.py': '',
        // a submodule of the old package, which the entry does not move: no edit, no review
        'app/submodule_only.py': 'from pkg.fields.related import (\n    ForeignKey,\n)\n\nprint(ForeignKey)\n',
        // the same, and the old module itself: an importer
        'app/both.py': 'from pkg.fields.related import ForeignKey\nfrom pkg.fields import Field\n\nprint(ForeignKey, Field)\n',
        // the same, and a string that names the old module's class: rewritten
        'app/string.py': 'from pkg.fields.related import ForeignKey\n\nPATH = "pkg.fields.Field"\n',
        // through the submodule import, `pkg` is bound: a chain of the old module
        'app/chain.py': 'import pkg.fields.related\n\nprint(pkg.fields.Field)\n',
      };
      for (const [file, text] of Object.entries(files)) repo.write(file, text);
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], only: ['rewrite-imports'] });
      expect(computed.changes.map((change) => change.path).sort()).toEqual(['app/both.py', 'app/chain.py', 'app/string.py']);
      expect(computed.summary.filesParsed).toBe(3);
    } finally {
      repo.dispose();
    }
  });
});

describe('Python prefilter: a package entry', () => {
  it('parses a file whose relative import names a submodule the entry moves (`from .old.mod import X`)', async () => {
    const repo = makeTempRepo();
    try {
      const files: Record<string, string> = {
        'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: pkg.old, to: pkg.new, package: true }\n',
        'pkg/__init__.py': '',
        'pkg/old/__init__.py': '',
        'pkg/old/mod.py': 'X = 1\n',
        'pkg/new/__init__.py': '',
        'pkg/new/mod.py': 'X = 1\n',
        'pkg/sibling.py': 'from .old.mod import X\n',
        'pkg/sub/__init__.py': '',
        'pkg/sub/deep.py': 'from ..old.mod import (\n    X,\n)\n',
        // another package's submodule of the same name: not a candidate
        'pkg/other/__init__.py': '',
        'pkg/other/mod.py': 'X = 1\n',
        'pkg/unrelated.py': 'from .other.mod import X  # not old\n',
      };
      for (const [file, text] of Object.entries(files)) repo.write(file, text);
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], only: ['rewrite-imports'] });
      expect(computed.changes.map((change) => change.path).sort()).toEqual(['pkg/sibling.py', 'pkg/sub/deep.py']);
      expect(computed.summary.filesParsed).toBe(2);
    } finally {
      repo.dispose();
    }
  });
});

describe('Python prefilter: a name-level entry', () => {
  it('does not parse a file that imports only the names the entry leaves in the old module', async () => {
    const repo = makeTempRepo();
    try {
      const files: Record<string, string> = {
        'map.yaml': 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - { from: pkg.legacy, to: pkg.models, names: [Order] }\n',
        'pkg/__init__.py': '',
        'pkg/legacy.py': 'class Order:\n    pass\n\n\nclass Stays:\n    pass\n',
        'pkg/models.py': 'class Order:\n    pass\n',
        // the names that stay, one line or parenthesised: no edit
        'app/stays.py': 'from pkg.legacy import Stays\nfrom pkg.legacy import (\n    Stays as S,  # Order moved\n)\n\nprint(Stays, S)\n',
        // relative, the same
        'pkg/relative_stays.py': 'from .legacy import Stays\n\nprint(Stays)\n',
        // a moved name among them, the module bound, a star: importers
        'app/moved.py': 'from pkg.legacy import Stays, Order\n\nprint(Stays, Order)\n',
        'pkg/relative_moved.py': 'from .legacy import (\n    Order,\n)\n\nprint(Order)\n',
        'app/bound.py': 'from pkg.legacy import Stays\nimport pkg.legacy\n\nprint(Stays, pkg.legacy.Order)\n',
        'app/star.py': 'from pkg.legacy import *\n\nprint(Order)\n',
        // mentions of what stays (a name, a path, a longer word): no edit; of a moved name, even in a docstring: read
        'app/mentions_stays.py': '# pkg/legacy.py\nDOC = "Uses pkg.legacy.Stays and pkg.legacy_v2."\n',
        'app/mentions_moved.py': 'DOC = "Uses pkg.legacy.Order."\n',
        // an example in a docstring, a comment: prose, not an import
        'app/docstring_example.py': 'def f():\n    """Use it so:\n\n    >>> from pkg.legacy import Order\n    """\n    # import pkg.legacy\n',
        // a lone CR ends a line (and a comment) as LF does
        'app/cr_only.py': '# moved names\rfrom pkg.legacy import Order\r\rprint(Order)\r',
      };
      for (const [file, text] of Object.entries(files)) repo.write(file, text);
      const computed = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], only: ['rewrite-imports'] });
      expect(computed.changes.map((change) => change.path).sort()).toEqual(['app/bound.py', 'app/cr_only.py', 'app/moved.py', 'pkg/relative_moved.py']);
      expect([...new Set(computed.needsReview.map((item) => item.file))].sort()).toEqual(['app/mentions_moved.py', 'app/star.py']);
      expect(computed.summary.filesParsed).toBe(6);
    } finally {
      repo.dispose();
    }
  });
});

describe('Python prefilter on generated files (fast-check)', () => {
  const repo = join(__dirname, '..', '..', '__testfixtures__', 'rewrite-imports', '_repo.python');
  /** Spellings around the support repository's map: importers, canonical twins, parents, strings, chains, noise. */
  const lines = [
    'from db.models.core import Booking',
    'from db.models import core',
    'import db.models.core',
    'from models import booking',
    'from models import customer as c',
    'from models import other_thing',
    'from .. import booking',
    'from ..booking import Booking',
    'from ..customer import Customer as C',
    'from . import helpers',
    'import models',
    'import models.booking',
    'import models.booking as mb',
    'from legacy.models.billing import Invoice',
    'from legacy import models as lm',
    // from `legacy/consumer.py`: a submodule of the package entry `legacy.models`, relative
    'from .models.billing import Invoice as Inv',
    'from .models import billing',
    'from . import models as legacy_models',
    'from core.auth import station_models',
    'from core.auth.station_models import UserStationAssignment',
    'from models.social import SocialAccount, normalize_handle',
    'from models.social import normalize_handle',
    'from models.social import (\n    normalize_handle as nh,  # SocialAccount stays\n)',
    'from models.social import SocialAccount as SA',
    'from ..social import normalize_handle as nh2',
    'from ..social import (\n    SocialAccount as SA2,\n)',
    'from .. import social',
    'from ..social import *',
    'from models.social import *',
    'DOC = ' + "'''" + 'from models.social import normalize_handle' + "'''",
    'DOC = ' + "'''" + '\nfrom models.social import normalize_handle\n' + "'''",
    'x = "models.social.SocialAccount"',
    'x = "models.social.normalize_handle"',
    "DOC = 'See models.social.normalize_handle, not models.social_media.'",
    '# models/social.py keeps normalize_handle',
    'print(models.social.normalize_handle)',
    'import models.social',
    'print(models.social.SocialIdentity)',
    // a staying module named in prose binds nothing (a docstring's example, a comment); in a template it is listed
    'DOC = ' + '"""' + '\n>>> import models.social\n>>> from models.social import SocialAccount\n' + '"""',
    '# import models.social',
    'x = "see models.social\\n"',
    'x = b"import models.social"',
    'x = "models.social"',
    'x = "models.social:SocialAccount"',
    'x = f"models.social {x}"',
    'x = rf"{x} models.social"',
    "x = f'{\"models.social\"}'",
    'x = f"{d[\'k\']:>{w}} models.social"',
    'x = f"{models.social}"',
    'x = f"{x!r:>10}" + "models.social"',
    'x = "#" ; import models.social as ms',
    "x = '''it's''' ; import models.social",
    'print(x if"models.social"else models.social)',
    'import importlib',
    'x = "models.booking.Booking"',
    'y = "db.models.booking"',
    'z = "legacy.models.billing:Invoice"',
    'print(models.booking.Booking)',
    'print(lm.billing.Invoice)',
    'print(core.Booking)',
    'module = importlib.import_module(name)',
    '# booking, customer and social accounts',
    's = f"{booking}"',
    'booking = 1',
    'def customer(social=None):\n    return social',
  ];
  it('never leaves out a file the rewrite would change or report on', async () => {
    const prepared = await pythonAdapter.prepare(readImportMap(join(repo, 'map.yaml')), workspaceOf(repo));
    let dropped = 0;
    let kept = 0;
    await fc.assert(
      // each file's line ends: LF, CRLF or a lone CR (Python reads all three)
      fc.asyncProperty(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 6 }), fc.constantFrom('models/sub/consumer_0.py', 'app/consumer.py', 'legacy/consumer.py'), fc.constantFrom('\n', '\r\n', '\r'), async (chosen, path, lineEnd) => {
        const text = `${chosen.join('\n')}\n`.replace(/\n/g, lineEnd);
        const tree = await parsePython(text);
        const valid = !firstSyntaxError(tree);
        tree.delete();
        if (!valid) return;
        const candidate = mentionsAny(text, prepared.needles) && (prepared.mayNeedEdit?.(path, text) ?? true);
        if (candidate) {
          kept++;
          return;
        }
        dropped++;
        const result = await pythonAdapter.planRewrite({ path, text }, prepared);
        const said = result.kind === 'failed' ? [result.error] : [...result.needsReview.map((item) => item.reason), ...result.notes.map((note) => note.message)];
        if (result.kind !== 'unchanged' || said.length) throw new Error(`left out, but the rewrite says ${result.kind} ${JSON.stringify(said)}:\n${text}`);
      }),
      { numRuns: 400, seed: 20261206 },
    );
    expect(dropped).toBeGreaterThan(40);
    expect(kept).toBeGreaterThan(40);
  });
});

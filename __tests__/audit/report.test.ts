import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { audit, draftImportMap, draftImportMaps, listSourceFiles, renderAuditMarkdown } from '../../src/audit';
import { parseImportMap } from '../../src/importmap/load';
import { resolveImportMap } from '../../src/importmap/resolve';
import { temporaryFolder } from '../support/temporary';

const repo = join(__dirname, '..', '..');

function tempTree(files: Record<string, string>): string {
  const dir = temporaryFolder('remodel-audit-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('listSourceFiles', () => {
  test('honours .gitignore at every level and skips dependencies, virtualenvs and caches', () => {
    const dir = tempTree({
      '.gitignore': 'generated/\n*.gen.py\n',
      'app/models.py': '',
      'app/.gitignore': 'local_settings.py\n',
      'app/local_settings.py': '',
      'app/schema.gen.py': '',
      'generated/models.py': '',
      'node_modules/typeorm/index.js': '',
      'venv/lib/site-packages/django/db.py': '',
      'env/pyvenv.cfg': '',
      'env/lib/x.py': '',
      'app/__pycache__/models.cpython-312.py': '',
      'web/src/user.entity.ts': '',
      'web/src/types.d.ts': '',
      'prisma/schema.prisma': '',
      'README.md': '',
    });
    try {
      expect(listSourceFiles(dir)).toEqual(['app/models.py', 'prisma/schema.prisma', 'web/src/user.entity.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reports', () => {
  test('Markdown has a table per finding kind and a Mermaid graph of duplicates -> canonical', async () => {
    const report = await audit({ dir: join(repo, '__testfixtures__/audit/python-seed/input'), prefer: ['db/models/**'] });
    const md = renderAuditMarkdown(report);
    for (const heading of ['## Duplicates', '## Collisions', '## Dangling references', '## Orphans', '## Skipped files']) expect(md).toContain(heading);
    expect(md).toContain('```mermaid');
    expect(md).toMatch(/m\d+ \|\|\.\.\|\| m\d+ : "duplicate of \(bookings\)"/);
    expect(md).toContain('| `bookings` | `Booking` | `db/models/core.py:24` | sqlalchemy | 8 | 1 | 2 | **canonical**');
    expect(md).toContain('`ForeignKey("users.id")` | `users` | `api_users`');
  });

  test('a Django relation links only the model of the app its label names, shown as the field call it is', async () => {
    const report = await audit({ dir: join(repo, '__testfixtures__/audit/django-app-labels/input') });
    const markdown = renderAuditMarkdown(report);
    // "legacy.Booking" (wrapped over lines as black has it) names legacy's Booking, not core's on the same table
    expect(markdown).toContain('m4 }o..o{ m3 : "OneToOneField(#quot;legacy.Booking#quot;)"');
    expect(markdown).not.toMatch(/m4 }o\.\.o\{ m1 /);
  });

  test('--prefer changes the pick; without it, more columns wins, then more importers', async () => {
    const dir = join(repo, '__testfixtures__/audit/python-seed/input');
    const plain = await audit({ dir });
    const bookings = plain.duplicates.find((g) => g.table === 'bookings')!;
    expect(bookings.canonical).toEqual({ file: 'db/models/core.py', class: 'Booking', reason: 'more columns (8 vs 7)' });
    const preferred = await audit({ dir, prefer: ['models/*.py'] });
    expect(preferred.duplicates.find((g) => g.table === 'bookings')!.canonical).toEqual({ file: 'models/booking.py', class: 'Booking', reason: "matches --prefer 'models/*.py'" });
    const text = draftImportMap(preferred, ['models/*.py']);
    expect(parse(text).rewrite).toContainEqual({ from: 'db.models.lead', to: 'models.social', names: ['BusinessSocialAccount'], rename: { BusinessSocialAccount: 'SocialAccount' } });
  });

  test('on equal columns the model with more relationships wins over the one more files import', async () => {
    const dir = tempTree({
      'shop/db.py': 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n',
      'shop/models.py': 'from shop.db import Base\nclass Customer(Base):\n    __tablename__ = "customers"\n    id = Column(Integer, primary_key=True)\n    orders = relationship("Order")\nclass Order(Base):\n    __tablename__ = "orders"\n    id = Column(Integer, primary_key=True)\n    customer_id = Column(ForeignKey("customers.id"))\n',
      'shop/legacy.py': 'from sqlalchemy.orm import declarative_base\nOld = declarative_base()\nclass Client(Old):\n    __tablename__ = "customers"\n    id = Column(Integer, primary_key=True)\n',
      'shop/a.py': 'from shop.legacy import Client\n',
      'shop/b.py': 'from shop.legacy import Client\n',
    });
    try {
      const report = await audit({ dir });
      const customers = report.duplicates.find((g) => g.table === 'customers')!;
      expect(customers.canonical).toEqual({ file: 'shop/models.py', class: 'Customer', reason: 'same columns (1), more relationships (1 vs 0)' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("TypeScript: a moved class that is also its module's default export takes its default importers along", async () => {
    const dir = tempTree({
      'db/user.entity.ts': "import { Entity, Column } from 'typeorm';\n@Entity('users') export class User {\n  @Column() id!: number;\n  @Column() email!: string;\n  @Column() name!: string;\n}\n",
      'legacy/user.ts': "import { Entity, Column } from 'typeorm';\n@Entity('users') export class LegacyUser {\n  @Column() id!: number;\n}\nexport function isAdmin(u: LegacyUser): boolean {\n  return u.id === 0;\n}\nexport default LegacyUser;\n",
      'api/a.ts': "import LegacyUser, { isAdmin } from '../legacy/user';\nexport const a = isAdmin(new LegacyUser());\n",
    });
    try {
      const text = draftImportMap(await audit({ dir }), []);
      expect(parse(text).rewrite).toEqual([{ from: 'legacy/user', to: 'db/user.entity', names: ['LegacyUser', 'default'], rename: { LegacyUser: 'User', default: 'User' } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a repository with both languages gets one map per language', async () => {
    const dir = tempTree({
      'py/models.py': 'from db import Base\nclass A(Base):\n    __tablename__ = "things"\n    id = Column(Integer)\n',
      'py/other.py': 'from db import Base\nclass B(Base):\n    __tablename__ = "things"\n',
      'ts/a.ts': "import { Entity } from 'typeorm';\n@Entity('things') export class A {}\n",
      'ts/b.ts': "import { Entity } from 'typeorm';\n@Entity('things') export class B {}\n",
    });
    try {
      const report = await audit({ dir });
      expect(report.duplicates).toHaveLength(1); // one table, four classes
      const maps = draftImportMaps(report, []);
      expect(maps.map((m) => m.language).sort()).toEqual(['python', 'typescript']);
      for (const m of maps) resolveImportMap(parseImportMap(m.text, `${m.language}.yaml`));
      expect(draftImportMap(report, [])).toMatch(/^# 1 (python|typescript) duplicate group\(s\) are not in this map/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const example = join(repo, 'examples/python-backend');
const seedMap = join(repo, 'import-maps/seed-consolidation.yaml');
(existsSync(example) && existsSync(seedMap) ? describe : describe.skip)('examples/python-backend (issue 6 acceptance)', () => {
  test('the draft map with --prefer db/models/** has the same rewrite entries as import-maps/seed-consolidation.yaml', async () => {
    const report = await audit({ dir: example, prefer: ['db/models/**'] });
    expect(report.failures).toEqual([]);
    const draft = resolveImportMap(parseImportMap(draftImportMap(report, ['db/models/**']), 'draft.yaml'));
    const seed = resolveImportMap(parseImportMap(readFileSync(seedMap, 'utf8'), 'seed-consolidation.yaml'));
    const normal = (rules: typeof draft.rules) =>
      rules
        .map((r) => JSON.stringify({ from: r.from, to: r.to, names: r.names ? [...r.names].sort() : null, rename: [...r.rename].sort() }))
        .sort();
    expect(normal(draft.rules)).toEqual(normal(seed.rules));
  });
});

import { scanPythonModels } from '../../src/schema/orm/python/index';
import { flaskTableName, djangoAppLabel } from '../../src/schema/orm/python/naming';
import { mongooseCollectionName, pluralize, sequelizeTableName, typeormTableName } from '../../src/schema/orm/typescript/naming';
import { scanTypeScriptModels } from '../../src/schema/orm/typescript/index';
import { scanPrismaSchemas } from '../../src/schema/orm/prisma';

describe('SQLAlchemy scanner', () => {
  test('declarative styles, mixins, abstract bases, single-table inheritance and Table()', async () => {
    const text = [
      'from sqlalchemy import Column, ForeignKey, Integer, String, Table',
      'from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship',
      'from .base import Base',
      '',
      'class OwnedMixin:',
      '    @declared_attr',
      '    def owner_id(cls):',
      '        return Column(ForeignKey("identity.api_users.id"))',
      '',
      'class Abstract(Base):',
      '    __abstract__ = True',
      '    id: Mapped[int] = mapped_column(primary_key=True)',
      '',
      'class Employee(OwnedMixin, Abstract):',
      '    __tablename__ = "employees"',
      '    __table_args__ = dict(schema="hr")',
      '    name: Mapped[str]',
      '    kind = Column(String(20))',
      '    manager: Mapped["Manager"] = relationship(secondary="hr.reports_to")',
      '',
      'class Manager(Employee):',
      '    """single-table inheritance: no table of its own"""',
      '    level = Column(Integer)',
      '',
      'class Reflected(Base):',
      '    __table__ = Table("reflected", Base.metadata, Column("id", Integer), schema="ext")',
      '',
      'audit_log = Table("audit_log", Base.metadata, Column("id", Integer, primary_key=True), Column("at", String))',
    ].join('\n');
    const [scan] = await scanPythonModels([{ file: 'hr/models.py', text }]);
    expect(scan!.failure).toBeUndefined();
    expect(scan!.models.map((m) => [m.class, m.orm, m.schema, m.table, m.columns, m.relationships])).toEqual([
      ['audit_log', 'sqlalchemy-table', null, 'audit_log', 2, 0],
      ['Employee', 'sqlalchemy', 'hr', 'employees', 4, 1],
      ['Reflected', 'sqlalchemy', 'ext', 'reflected', 1, 0],
    ]);
    expect(scan!.references.map((r) => [r.from, r.kind, r.schema, r.table ?? r.class])).toEqual(
      expect.arrayContaining([
        ['Employee', 'relationship', undefined, 'Manager'],
        ['Employee', 'foreign-key', 'hr', 'reports_to'],
        ['Employee', 'foreign-key', 'identity', 'api_users'],
      ]),
    );
    expect(scan!.definitions).toEqual(['OwnedMixin', 'Abstract', 'Employee', 'Manager', 'Reflected', 'audit_log']);
  });

  test('Flask-SQLAlchemy derives the table name from the class; non-ASCII text before a model does not shift lines', async () => {
    const text = '# café — modèles\nfrom app import db\n\nclass APIKeyEvent(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n    note = db.Column(db.String)\n';
    const [scan] = await scanPythonModels([{ file: 'app/models.py', text }]);
    expect(scan!.models).toEqual([expect.objectContaining({ class: 'APIKeyEvent', orm: 'flask-sqlalchemy', table: 'api_key_event', line: 4, columns: 2, derivedTable: true })]);
    expect(flaskTableName('CustomerReview')).toBe('customer_review');
  });

  test('an unparseable file is a failure with its line, and yields no model', async () => {
    const [scan] = await scanPythonModels([{ file: 'x.py', text: 'class A(Base):\n    __tablename__ = "a"\n    id = Column(\n' }]);
    expect(scan!.failure).toEqual({ line: expect.any(Number), error: expect.stringMatching(/syntax error|missing/) });
    expect(scan!.models).toEqual([]);
  });
});

describe('Django scanner', () => {
  test('app label from the folder, indirect bases across files, abstract and proxy models', async () => {
    const scans = await scanPythonModels([
      { file: 'common/models.py', text: 'from django.db import models\n\nclass Stamped(models.Model):\n    created = models.DateTimeField()\n    class Meta:\n        abstract = True\n' },
      {
        file: 'billing/models/invoice.py',
        text: 'from common.models import Stamped\n\nclass Invoice(Stamped):\n    total = models.DecimalField()\n    lines = models.ManyToManyField("billing.Line")\n\nclass Draft(Invoice):\n    class Meta:\n        proxy = True\n',
      },
    ]);
    expect(scans[0]!.models).toEqual([]);
    expect(scans[1]!.models.map((m) => [m.class, m.table, m.columns, m.relationships, m.proxy ?? false])).toEqual([
      ['Invoice', 'billing_invoice', 2, 1, false],
      ['Draft', 'billing_invoice', 0, 0, true],
    ]);
    expect(djangoAppLabel('shop/models.py')).toBe('shop');
    expect(djangoAppLabel('src/accounts/models/profile.py')).toBe('accounts');
  });
});

test('a base imported from an outside module is not a local model of the same name (djangoproject.com feeds)', async () => {
  const scans = await scanPythonModels([
    { file: 'aggregator/models.py', text: 'from django.db import models\n\nclass Feed(models.Model):\n    title = models.CharField(max_length=200)\n' },
    { file: 'aggregator/feeds.py', text: 'from django.contrib.syndication.views import Feed\n\nclass CommunityFeed(Feed):\n    title = "Community"\n' },
    { file: 'aggregator/proxies.py', text: 'from .models import Feed\n\nclass ApprovedFeed(Feed):\n    class Meta:\n        proxy = True\n' },
  ]);
  expect(scans.flatMap((s) => s.models.map((m) => `${s.file}:${m.class}:${m.table}`))).toEqual(['aggregator/models.py:Feed:aggregator_feed', 'aggregator/proxies.py:ApprovedFeed:aggregator_feed']);
});

describe('TypeScript scanners', () => {
  test('TypeORM default table names follow DefaultNamingStrategy (snakeCase of the class)', () => {
    expect(typeormTableName('UserProfile')).toBe('user_profile');
    expect(typeormTableName('APIKey')).toBe('api_key');
    expect(typeormTableName('OAuth2Client')).toBe('o_auth2_client');
    const [scan] = scanTypeScriptModels([{ file: 'a.ts', text: "@Entity('people', { schema: 'crm' })\nexport class Person { @PrimaryColumn() id!: number }\n@ChildEntity()\nexport class Vip extends Person {}\n" }]);
    expect(scan!.models.map((m) => [m.class, m.schema, m.table, m.columns])).toEqual([['Person', 'crm', 'people', 1]]);
  });

  test('pluralisation approximations (Sequelize, Mongoose)', () => {
    expect(pluralize('Category')).toBe('Categories');
    expect(pluralize('Person')).toBe('People');
    expect(pluralize('Box')).toBe('Boxes');
    expect(pluralize('UserDay')).toBe('UserDays');
    expect(sequelizeTableName('OrderItem', true)).toBe('order_items');
    expect(mongooseCollectionName('Person')).toBe('people');
    expect(mongooseCollectionName('Status')).toBe('statuses');
  });

  test('a file that does not parse is a failure with its line', () => {
    const [scan] = scanTypeScriptModels([{ file: 'bad.ts', text: "import { Entity } from 'typeorm';\n@Entity()\nexport class {\n" }]);
    expect(scan!.failure?.line).toBeGreaterThan(0);
    expect(scan!.models).toEqual([]);
  });

  test('imports, re-exports and requires are recorded with original and local names', () => {
    const [scan] = scanTypeScriptModels([
      {
        file: 'i.ts',
        text: "import D, { A as B } from './a';\nimport * as ns from './n';\nexport { C as E } from './c';\nexport * from './s';\nconst { F } = require('./f');\nconst g = await import('./g');\n",
      },
    ]);
    expect(scan!.imports.map((i) => [i.specifier, i.names, i.locals, i.reexport])).toEqual([
      ['./a', ['default', 'A'], ['D', 'B'], false],
      ['./n', undefined, undefined, false],
      ['./c', ['C'], ['E'], true],
      ['./s', '*', undefined, true],
      ['./f', ['F'], undefined, false],
      ['./g', undefined, undefined, false],
    ]);
  });
});

describe('Prisma scanner', () => {
  test('@@map, @@schema, relations across schema files, unknown types are dangling candidates', () => {
    const scans = scanPrismaSchemas([
      { file: 'prisma/a.prisma', text: 'model User {\n  id Int @id\n  posts Post[]\n  org Org?\n  @@map("users")\n}\n' },
      { file: 'prisma/b.prisma', text: 'model Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n  @@schema("blog")\n}\n' },
    ]);
    expect(scans.flatMap((s) => s.models.map((m) => [m.class, m.schema, m.table, m.columns, m.relationships]))).toEqual([
      ['User', null, 'users', 1, 2],
      ['Post', 'blog', 'Post', 2, 1],
    ]);
    expect(scans[0]!.references.map((r) => r.class)).toEqual(['Post', 'Org']);
  });
});

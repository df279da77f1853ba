import { join } from 'node:path';
import { plan } from '../../src';
import { makeTempRepo } from '../support/tempRepo';

/**
 * A shim leaves the old app defining no model of its own: Django's `makemigrations` then deletes the app's models from
 * its migration state, and `migrate` would drop each managed model's table — the table the canonical model maps. The
 * plan names each such model where its app's migrations create it, with what to do.
 */
describe('a shim of a Django app models module', () => {
  it('lists every model the app\'s migrations create, managed or not, at its CreateModel', async () => {
    const repo = makeTempRepo();
    try {
      for (const file of ['legacy/__init__.py', 'legacy/migrations/__init__.py', 'core/__init__.py', 'core/migrations/__init__.py']) repo.write(file, '');
      repo.write('legacy/models.py', 'from django.db import models\n\n\nclass Booking(models.Model):\n    class Meta:\n        db_table = "bookings"\n\n\nclass Customer(models.Model):\n    class Meta:\n        managed = False\n');
      repo.write('core/models.py', 'from django.db import models\n\n\nclass Booking(models.Model):\n    class Meta:\n        db_table = "bookings"\n\n\nclass Client(models.Model):\n    pass\n');
      repo.write(
        'legacy/migrations/0001_initial.py',
        [
          'from django.db import migrations, models',
          '',
          '',
          'class Migration(migrations.Migration):',
          '    operations = [',
          '        migrations.CreateModel(',
          "            name='Booking',",
          "            fields=[('id', models.AutoField(primary_key=True))],",
          "            options={'db_table': 'bookings'},",
          '        ),',
          '        migrations.CreateModel(',
          "            name='Customer',",
          "            fields=[('id', models.AutoField(primary_key=True))],",
          "            options={'managed': False},",
          '        ),',
          '    ]',
          '',
        ].join('\n'),
      );
      repo.write('map.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: legacy.models\n    to: core.models\n    rename: { Customer: Client }\nshims:\n  - module: legacy.models\n');
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.needsReview.map((r) => `${r.file}:${r.line}: ${r.reason}`)).toEqual([
        "legacy/migrations/0001_initial.py:6: legacy.Booking now is core.models.Booking: with legacy.models a shim, makemigrations deletes legacy.Booking, and migrate would drop its table, which core.models.Booking maps (rows lost), unless that DeleteModel is state-only: migrations.SeparateDatabaseAndState(state_operations=[...]) (no migration of core creates Booking: run makemigrations core first)",
        'legacy/migrations/0001_initial.py:11: legacy.Customer now is core.models.Client: with legacy.models a shim, makemigrations deletes legacy.Customer (unmanaged: no table is dropped); migrations whose fields point at it then point at the canonical model (no migration of core creates Client: run makemigrations core first)',
      ]);
    } finally {
      repo.dispose();
    }
  });

  it('moves no state when a leaving model\'s own many-to-many would change its join table\'s columns (a renamed model)', async () => {
    const repo = makeTempRepo();
    try {
      for (const file of ['legacy/__init__.py', 'legacy/migrations/__init__.py', 'core/__init__.py', 'core/migrations/__init__.py']) repo.write(file, '');
      const models = (name: string, managed: boolean): string =>
        `from django.db import models\n\n\nclass Tag(models.Model):\n    class Meta:\n        db_table = "tags"\n${managed ? '' : '        managed = False\n'}\n\nclass ${name}(models.Model):\n    tags = models.ManyToManyField(Tag)\n\n    class Meta:\n        db_table = "posts"\n${managed ? '' : '        managed = False\n'}`;
      const migration = (name: string, label: string, managed: boolean): string =>
        [
          'from django.db import migrations, models',
          '',
          '',
          'class Migration(migrations.Migration):',
          '    operations = [',
          "        migrations.CreateModel(name='Tag', fields=[('id', models.AutoField(primary_key=True))], options={'db_table': 'tags'" + (managed ? '' : ", 'managed': False") + '}),',
          `        migrations.CreateModel(name='${name}', fields=[('id', models.AutoField(primary_key=True)), ('tags', models.ManyToManyField(to='${label}.tag'))], options={'db_table': 'posts'` + (managed ? '' : ", 'managed': False") + '}),',
          '    ]',
          '',
        ].join('\n');
      repo.write('legacy/models.py', models('Post', true));
      repo.write('core/models.py', models('Article', false));
      repo.write('legacy/migrations/0001_initial.py', migration('Post', 'legacy', true));
      repo.write('core/migrations/0001_initial.py', migration('Article', 'core', false));
      repo.write('map.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: legacy.models\n    to: core.models\n    rename: { Post: Article }\nshims:\n  - module: legacy.models\n');
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes.map((c) => c.path)).not.toContain('legacy/migrations/0002_state_to_core.py');
      expect(result.needsReview.map((r) => r.reason)).toEqual(expect.arrayContaining([expect.stringContaining("(legacy.Post.tags: its join table's columns are named after the models, which the canonical ones rename)")]));
    } finally {
      repo.dispose();
    }
  });

  it('moves no state that a model inheriting from, or a many-to-many going through, a leaving model still needs', async () => {
    const repo = makeTempRepo();
    try {
      for (const file of ['legacy/__init__.py', 'legacy/migrations/__init__.py', 'core/__init__.py', 'core/migrations/__init__.py', 'extra/__init__.py', 'extra/migrations/__init__.py']) repo.write(file, '');
      const models = 'from django.db import models\n\n\nclass Booking(models.Model):\n    class Meta:\n        db_table = "bookings"\n\n\nclass Seat(models.Model):\n    class Meta:\n        db_table = "seats"\n';
      const migration = (label: string): string =>
        [
          'from django.db import migrations, models',
          '',
          '',
          'class Migration(migrations.Migration):',
          '    operations = [',
          "        migrations.CreateModel(name='Booking', fields=[('id', models.AutoField(primary_key=True))], options={'db_table': 'bookings'}),",
          "        migrations.CreateModel(name='Seat', fields=[('id', models.AutoField(primary_key=True))], options={'db_table': 'seats'}),",
          '    ]',
          '',
        ].join('\n').replace(/'bookings'/, label === 'core' ? "'bookings', 'managed': False" : "'bookings'").replace(/'seats'}/, label === 'core' ? "'seats', 'managed': False}" : "'seats'}");
      repo.write('legacy/models.py', models);
      repo.write('core/models.py', models);
      repo.write('legacy/migrations/0001_initial.py', migration('legacy'));
      repo.write('core/migrations/0001_initial.py', migration('core'));
      repo.write(
        'extra/migrations/0001_initial.py',
        [
          'from django.db import migrations, models',
          '',
          '',
          'class Migration(migrations.Migration):',
          "    dependencies = [('legacy', '0001_initial')]",
          '    operations = [',
          "        migrations.CreateModel(name='Special', fields=[('booking_ptr', models.OneToOneField(auto_created=True, on_delete=models.CASCADE, parent_link=True, primary_key=True, serialize=False, to='legacy.booking'))], bases=('legacy.booking',)),",
          "        migrations.CreateModel(name='Group', fields=[('id', models.AutoField(primary_key=True)), ('members', models.ManyToManyField(through='legacy.Seat', to='legacy.booking'))]),",
          '    ]',
          '',
        ].join('\n'),
      );
      repo.write('map.yaml', 'version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: legacy.models\n    to: core.models\nshims:\n  - module: legacy.models\n');
      const result = await plan({ cwd: repo.dir, maps: [join(repo.dir, 'map.yaml')], jobs: 1 });
      expect(result.changes.map((c) => c.path).filter((path) => path.includes('state_to'))).toEqual([]);
      const reasons = result.needsReview.map((r) => r.reason);
      expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('(extra.Special inherits from it)'), expect.stringContaining('(extra.Group.members goes through it)')]));
    } finally {
      repo.dispose();
    }
  });
});

import { findDjangoApps } from '../../src/schema/django/project';
import { DiskWorkspace } from '../../src/workspace/workspace';
import { makeTempRepo } from '../support/tempRepo';

/*
 * An app is a folder whose `migrations/` holds a `Migration` class. Django's own source has a `migrations/` package
 * (the framework) whose writer keeps the text of a migration in a template string: that is no migration.
 */
describe('the Django apps drift replays', () => {
  it('are the folders whose migrations define a Migration class, not those that spell one in a string', () => {
    const repo = makeTempRepo();
    try {
      repo.write('shop/migrations/__init__.py', '');
      repo.write('shop/migrations/0001_initial.py', 'from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = []\n    operations = []\n');
      repo.write('framework/migrations/__init__.py', '');
      repo.write('framework/migrations/writer.py', 'TEMPLATE = """\\\nclass Migration(migrations.Migration):\n    operations = [%(operations)s]\n"""\n');
      repo.write('framework/migrations/notes.py', '# class Migration(migrations.Migration): what makemigrations writes\n');
      expect(findDjangoApps(new DiskWorkspace(repo.dir)).map((app) => app.folder)).toEqual(['shop']);
    } finally {
      repo.dispose();
    }
  });
});

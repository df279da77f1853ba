import { posix } from 'node:path';
import type { Workspace } from '../../core/types';
import { textOrUndefined } from '../../core/read-text';
import { inProse, proseRanges } from '../../languages/python/prose';
import { appConfig, appLabelOf } from '../../languages/python/django-apps';
import type { DjangoSettings } from './types';

const migrationFile = /(^|\/)migrations\/[^/]+\.py$/;

/** A Django app: its folder, its label (AppConfig `label`, else the folder's name) and its migration files. */
export interface DjangoApp {
  folder: string;
  label: string;
  migrations: string[];
}

// not text: nothing Django could load either
const readText = (workspace: Workspace, file: string): string => textOrUndefined(workspace, file) ?? '';

/** A top-level `class Migration(…)` in code, not in a string (Django's own migration writer keeps one in a template). */
function definesMigration(text: string): boolean {
  let prose: ReturnType<typeof proseRanges> | null = null;
  for (const match of text.matchAll(/^class\s+Migration\s*\(/gm)) {
    prose ??= proseRanges(text);
    if (!prose || !inProse(prose, match.index)) return true;
  }
  return false;
}

/** Every app with Django migrations (`<app>/migrations/*.py` holding a `Migration` class). */
export function findDjangoApps(workspace: Workspace): DjangoApp[] {
  const byFolder = new Map<string, string[]>();
  for (const file of workspace.files) {
    if (!migrationFile.test(file) || file.endsWith('/__init__.py')) continue;
    if (!definesMigration(readText(workspace, file))) continue;
    const folder = posix.dirname(posix.dirname(file));
    byFolder.set(folder === '.' ? '' : folder, [...(byFolder.get(folder === '.' ? '' : folder) ?? []), file]);
  }
  return [...byFolder].map(([folder, migrations]) => ({ folder, label: appLabelOf(workspace, folder), migrations: migrations.sort() }));
}

/** `AUTH_USER_MODEL` and `DEFAULT_AUTO_FIELD` from the project's settings files, and each app's `default_auto_field`. */
export function readDjangoSettings(workspace: Workspace, apps: readonly DjangoApp[]): DjangoSettings {
  let authUserModel = 'auth.User';
  let projectAutoField = 'AutoField';
  for (const file of workspace.files) {
    if (!/(^|\/)settings(\/[^/]+|)\.py$/.test(file) && !/(^|\/)settings_\w+\.py$/.test(file)) continue;
    const text = readText(workspace, file);
    authUserModel = /^AUTH_USER_MODEL\s*=\s*['"]([\w.]+)['"]/m.exec(text)?.[1] ?? authUserModel;
    projectAutoField = /^DEFAULT_AUTO_FIELD\s*=\s*['"]([\w.]+)['"]/m.exec(text)?.[1]?.split('.').pop() ?? projectAutoField;
  }
  const byLabel = new Map(apps.map((app) => [app.label, appConfig(workspace, app.folder, 'default_auto_field')?.split('.').pop()]));
  return { authUserModel, autoField: (app) => byLabel.get(app) ?? projectAutoField };
}

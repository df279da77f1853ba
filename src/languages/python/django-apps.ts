import { posix } from 'node:path';
import type { Workspace } from '../../core/types';
import { textOrUndefined } from '../../core/read-text';
import type { ImportMap } from '../../importmap/types';
import type { PythonModuleIndex } from './modules';

/** A model a lazy reference names, as it is after the map: its app's label and its class name. */
export interface ModelAfter {
  label: string;
  name: string;
  /** the rewrite entry that moves it */
  rule: string;
}

/**
 * Django names models by `"<app label>.<ModelName>"` (and, inside one app, by the bare name): `ForeignKey("shop.Order")`,
 * `apps.get_model("shop", "Order")`, `AUTH_USER_MODEL`. Once a model class moves to a module of another app (or is
 * renamed), the registry no longer knows it under the old name. This knows, for a reference, what the map makes of it.
 */
export interface DjangoModelReferences {
  /** the labels of the apps models move out of (what a lazy reference must name to need an edit) */
  oldLabels: ReadonlySet<string>;
  /** the folders of those apps, where a bare model name can mean one of them */
  oldFolders: readonly string[];
  /** the app label of the app folder a repository file lies in, if it lies in one */
  labelOfFile(file: string): string | undefined;
  /**
   * What `label.model` (Django's lookup: the model name in any case) is after the map: undefined when the map does not
   * move it, a string (the reason) when it moves but its new app cannot be told.
   */
  after(label: string, model: string): ModelAfter | string | undefined;
}

/** An app's AppConfig attribute (`label = "shop"`, `default_auto_field = "django.db.models.BigAutoField"`). */
export function appConfig(workspace: Workspace, folder: string, attribute: string): string | undefined {
  const file = folder ? `${folder}/apps.py` : 'apps.py';
  if (!workspace.has(file)) return undefined;
  return new RegExp(`^\\s+${attribute}\\s*=\\s*['"]([\\w.]+)['"]`, 'm').exec(textOrUndefined(workspace, file) ?? '')?.[1];
}

/** The label of a Django app by its folder: its AppConfig `label`, else the folder's name. */
export function appLabelOf(workspace: Workspace, folder: string): string {
  return appConfig(workspace, folder, 'label') ?? posix.basename(folder);
}

/** The folders that hold a `migrations/` of numbered migrations (`0001_initial.py`): Django apps. */
function foldersWithMigrations(workspace: Workspace): Set<string> {
  const folders = new Set<string>();
  for (const file of workspace.files) {
    const match = /^(?:(.*)\/)?migrations\/\d{4}_\w*\.py$/.exec(file);
    if (match) folders.add(match[1] ?? '');
  }
  return folders;
}

/** The folder of the Django app a file lies in: the nearest folder up from it with an `apps.py` or numbered migrations. */
function appFolderOf(workspace: Workspace, file: string, migrated: ReadonlySet<string>): string | undefined {
  for (let folder = posix.dirname(file); folder !== '.' && folder !== '/' && folder !== ''; folder = posix.dirname(folder)) {
    if (workspace.has(`${folder}/apps.py`) || migrated.has(folder)) return folder;
  }
  // an app with neither (models registered through INSTALLED_APPS alone): the package of a `models` that defines models
  const models = /^(.*)\/models(\.py|\/)/.exec(file);
  const text = models ? (textOrUndefined(workspace, file) ?? '') : '';
  return models && /\bdjango\b/.test(text) && /^class[ \t]+\w+\([^)]*\bModel\b/m.test(text) ? models[1] : undefined;
}

/** The classes a module's file defines at its top level. */
function classesIn(workspace: Workspace, file: string): string[] {
  return topLevelClasses(textOrUndefined(workspace, file) ?? '');
}

export function topLevelClasses(text: string): string[] {
  return [...text.matchAll(/^class[ \t]+(\w+)/gm)].map((match) => match[1]!);
}

/** The folder of the Django app a repository file lies in, if it lies in one. */
export function djangoAppFolder(workspace: Workspace, file: string): string | undefined {
  return appFolderOf(workspace, file, foldersWithMigrations(workspace));
}

/** Where an app's migrations first create a model (`migrations.CreateModel(name='Booking', …)`), and whether unmanaged. */
export interface CreatedModel {
  file: string;
  /** 1-based line of `CreateModel(` */
  line: number;
  managed: boolean;
}

/** The models an app's numbered migrations create, by name (the first creation of each). */
export function modelsCreatedByMigrations(workspace: Workspace, folder: string): Map<string, CreatedModel> {
  const created = new Map<string, CreatedModel>();
  const files = workspace.files.filter((file) => posix.dirname(file) === (folder ? `${folder}/migrations` : 'migrations') && /\/?\d{4}_\w*\.py$/.test(file)).sort();
  for (const file of files) {
    const text = textOrUndefined(workspace, file) ?? '';
    const starts = [...text.matchAll(/\bCreateModel\s*\(/g)].map((match) => match.index);
    starts.forEach((start, i) => {
      const body = text.slice(start, starts[i + 1] ?? text.length);
      const name = /\bname\s*=\s*['"](\w+)['"]/.exec(body)?.[1];
      if (name === undefined || created.has(name)) return;
      created.set(name, { file, line: text.slice(0, start).split('\n').length, managed: !/['"]managed['"]\s*:\s*False/.test(body) });
    });
  }
  return created;
}

export function djangoModelReferences(map: ImportMap, modules: PythonModuleIndex, workspace: Workspace): DjangoModelReferences {
  const migrated = foldersWithMigrations(workspace);
  const labelOfFolder = (folder: string): string => appLabelOf(workspace, folder);
  const labelOfFile = (file: string): string | undefined => {
    const folder = appFolderOf(workspace, file, migrated);
    return folder === undefined ? undefined : labelOfFolder(folder);
  };
  // the entries that move names out of a module of a Django app
  const sources = map.rules.flatMap((rule) => {
    const file = modules.getFile(rule.from);
    const folder = file === undefined ? undefined : appFolderOf(workspace, file, migrated);
    if (file === undefined || folder === undefined) return [];
    const files = rule.package ? workspace.files.filter((f) => f.startsWith(`${posix.dirname(file)}/`) && f.endsWith('.py')) : [file];
    return [{ rule, folder, label: labelOfFolder(folder), classes: () => files.flatMap((f) => classesIn(workspace, f)) }];
  });
  return {
    oldLabels: new Set(sources.map((source) => source.label)),
    oldFolders: [...new Set(sources.map((source) => source.folder))],
    labelOfFile,
    after(label, model) {
      const found: Array<ModelAfter | string> = [];
      for (const source of sources) {
        if (source.label !== label) continue;
        const name = source.classes().find((c) => c.toLowerCase() === model.toLowerCase());
        const target = name === undefined ? undefined : map.moveOfName(source.rule.from, name);
        if (!target || name === undefined) continue;
        const file = modules.getFile(target.module);
        const toLabel = file === undefined ? undefined : labelOfFile(file);
        if (toLabel === undefined) found.push(`${target.module} lies in no Django app of this repository`);
        else if (toLabel !== label || target.name !== name) found.push({ label: toLabel, name: target.name, rule: target.rule.label });
      }
      const moves = found.filter((f): f is ModelAfter => typeof f !== 'string');
      if (moves.length && moves.every((m) => m.label === moves[0]!.label && m.name === moves[0]!.name) && moves.length === found.length) return moves[0];
      if (found.length > 1) return `the map sends ${label}.${model} to ${found.map((f) => (typeof f === 'string' ? '?' : `${f.label}.${f.name}`)).join(' and ')}`;
      return found[0];
    },
  };
}

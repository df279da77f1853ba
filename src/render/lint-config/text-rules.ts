import { escapeRegExp } from '../../core/regexp';
import { textOrUndefined } from '../../core/read-text';
import type { Workspace } from '../../core/types';
import type { LoadedMap } from '../../plan/session';
import { folderOf } from '../../workspace/moved-paths';
import { messageOf, type Forbidden } from './entries';

/*
 * ESLint and Biome compare import specifiers as text: one rule per folder of the repository, each listing every
 * spelling of every old module from that folder (relative, `.js`, a folder index, tsconfig `paths` aliases; bare ids
 * as written, sub-paths of a package entry as patterns); a name-level move forbids its names only.
 */

const SOURCES = '{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

interface RestrictedPath {
  name: string;
  message: string;
  importNames?: string[];
}

interface Restrictions {
  name: string;
  files: string[];
  paths: RestrictedPath[];
  patterns: Array<{ group: string[]; message: string }>;
}

/** ESLint flat-config objects with the core rule `no-restricted-imports`. */
export function eslintObjects(loaded: readonly LoadedMap[], entries: readonly Forbidden[], workspace: Workspace): object[] {
  // ESLint flags an `export *` of a module with restricted names whatever the names it passes: a barrel that
  // star-exports a module keeping names of its own gets its folder's rule without those name-level entries
  return restrictionsByFolder(loaded, entries, workspace, { starExportsCarryNames: true }).map(({ name, files, paths, patterns }) => ({
    name,
    files,
    rules: { 'no-restricted-imports': ['error', { paths, ...(patterns.length ? { patterns } : {}) }] },
  }));
}

/** A `biome.json` fragment: `overrides` with `style/noRestrictedImports`, whose `paths` are keyed by specifier. */
export function biomeConfig(loaded: readonly LoadedMap[], entries: readonly Forbidden[], workspace: Workspace): object {
  const overrides = restrictionsByFolder(loaded, entries, workspace, { starExportsCarryNames: false }).map(({ files, paths, patterns }) => ({
    includes: files,
    linter: {
      rules: {
        style: {
          noRestrictedImports: {
            level: 'error',
            options: {
              paths: Object.fromEntries(paths.map(({ name, message, importNames }) => [name, importNames ? { message, importNames } : message])),
              ...(patterns.length ? { patterns } : {}),
            },
          },
        },
      },
    },
  }));
  return { overrides };
}

function restrictionsByFolder(loaded: readonly LoadedMap[], entries: readonly Forbidden[], workspace: Workspace, { starExportsCarryNames }: { starExportsCarryNames: boolean }): Restrictions[] {
  const sources = workspace.files.filter((file) => loaded.some(({ adapter }) => adapter.owns(file)));
  const folders = [...new Set(sources.map(folderOf))].sort();
  const out = folders.map((folder) => folderRestrictions(folder, entries));
  const nameLevel = starExportsCarryNames ? entries.filter(({ rule }) => rule.names) : [];
  if (!nameLevel.length) return out;
  for (const file of sources) {
    const folder = folderOf(file);
    const text = textOrUndefined(workspace, file);
    if (text === undefined) continue;
    const starred = nameLevel.filter(({ map, rule }) => (map.adapter.spellingsOf?.(map.prepared, rule.from, folder) ?? []).some((spelled) => new RegExp(`export\\s*\\*\\s*from\\s*['"]${escapeRegExp(spelled)}['"]`).test(text)));
    if (starred.length) out.push({ ...folderRestrictions(folder, entries.filter((entry) => !starred.includes(entry))), name: `remodel: old modules (${file}, which star-exports ${starred.map(({ rule }) => rule.from).join(', ')})`, files: [file] });
  }
  return out;
}

/** One folder's restrictions: every spelling of every old module from there. */
function folderRestrictions(folder: string, entries: readonly Forbidden[]): Restrictions {
  const paths = new Map<string, RestrictedPath>();
  const patterns: Array<{ group: string[]; message: string }> = [];
  for (const { map, rule } of entries) {
    const spellings = map.adapter.spellingsOf?.(map.prepared, rule.from, folder) ?? [rule.from];
    if (rule.package) patterns.push({ group: spellings.filter((spelled) => !spelled.endsWith('.js')).map((spelled) => `${spelled}/**`), message: messageOf(rule) });
    for (const name of spellings) {
      const known = paths.get(name);
      if (known && !known.importNames) continue; // the whole module is forbidden already
      const importNames = rule.names ? [...new Set([...(known?.importNames ?? []), ...rule.names])] : undefined;
      paths.set(name, { name, message: known && importNames ? `${known.message}; ${messageOf(rule)}` : messageOf(rule), ...(importNames ? { importNames } : {}) });
    }
  }
  return {
    name: `remodel: old modules${folder ? ` (${folder}/)` : ''}`,
    files: [folder ? `${folder}/*.${SOURCES}` : `*.${SOURCES}`],
    paths: [...paths.values()],
    patterns,
  };
}

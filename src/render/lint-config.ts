import { escapeRegExp } from '../core/regexp';
import { folderOf } from '../workspace/moved-paths';
import { UsageError } from '../core/errors';
import { textOrUndefined } from '../core/read-text';
import type { Workspace } from '../core/types';
import { stringLiteral } from '../core/literals';
import { findImportMaps } from '../importmap';
import type { RewriteRule } from '../importmap/types';
import { openSession, type LoadedMap } from '../plan/session';
import { discoverFiles } from '../workspace/discover';

export type LintFormat = 'eslint' | 'pylint' | 'ruff';
export const lintFormats: readonly LintFormat[] = ['eslint', 'pylint', 'ruff'];

const languageOf: Record<LintFormat, 'typescript' | 'python'> = { eslint: 'typescript', pylint: 'python', ruff: 'python' };

/** The map entries a guard forbids: what the user wrote (not what remodel derived), grouped by old module. */
function forbidden(loaded: readonly LoadedMap[], format: LintFormat): Array<{ map: LoadedMap; rule: RewriteRule }> {
  const out = loaded.filter(({ map }) => map.language === languageOf[format]).flatMap((map) => map.map.rules.filter((rule) => !rule.derived).map((rule) => ({ map, rule })));
  if (!out.length) throw new UsageError(`lint-config --format ${format}: no ${languageOf[format]} map with rewrite entries`);
  return out;
}

const messageOf = (rule: RewriteRule): string =>
  rule.names ? `${[...rule.names].join(', ')} moved from ${rule.from} to ${rule.to}: import from there (remodel)` : `${rule.from} moved to ${rule.to}: import from there (remodel)`;

/**
 * The rule, in a linter the project already runs, that forbids each old module of the maps (and only it: never the
 * canonical module, never a module whose name merely starts the same), the canonical module in its message.
 *
 * - `eslint`: flat-config objects with the core rule `no-restricted-imports`, one per folder of the repository, since
 *   ESLint compares specifiers as text: each lists every spelling of every old module from that folder (relative,
 *   `.js`, a folder index, tsconfig `paths` aliases; bare ids as written, sub-paths of a package entry as patterns);
 *   a name-level move forbids its names only (`importNames`). JSON: spread it into `eslint.config.*`.
 * - `pylint`: an rcfile section, `[IMPORTS] deprecated-modules` (whole modules; pylint has no name-level form, so those
 *   entries are listed as comments).
 * - `ruff`: `flake8-tidy-imports.banned-api` (modules and, for name-level moves, `module.Name`), for `ruff.toml`.
 */
export async function renderLintConfig(format: LintFormat, cwd: string, maps?: readonly string[]): Promise<string> {
  const session = await openSession(cwd, findImportMaps(cwd, maps), discoverFiles(cwd));
  const entries = forbidden(session.loaded, format);
  if (format === 'pylint') {
    const modules = [...new Set(entries.filter(({ rule }) => !rule.names).map(({ rule }) => rule.from))];
    const nameLevel = entries.filter(({ rule }) => rule.names).map(({ rule }) => `# not expressible in pylint (name-level): ${messageOf(rule)}`);
    return ['# written by remodel lint-config: importing an old module is W4901 (deprecated-module)', ...nameLevel, '[IMPORTS]', `deprecated-modules=${modules.join(',')}`, ''].join('\n');
  }
  if (format === 'ruff') {
    const lines = ['# written by remodel lint-config (ruff.toml; in pyproject.toml the table is [tool.ruff.lint.flake8-tidy-imports.banned-api])', '[lint.flake8-tidy-imports.banned-api]'];
    for (const { rule } of entries) {
      for (const banned of rule.names ? [...rule.names].map((name) => `${rule.from}.${name}`) : [rule.from]) lines.push(`${stringLiteral(banned)}.msg = ${stringLiteral(messageOf(rule))}`);
    }
    return `${lines.join('\n')}\n`;
  }
  return `${JSON.stringify(eslintObjects(session.loaded, entries, session.workspace), null, 2)}\n`;
}

const SOURCES = '{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

interface RestrictedPath {
  name: string;
  message: string;
  importNames?: string[];
}

function eslintObjects(loaded: readonly LoadedMap[], entries: Array<{ map: LoadedMap; rule: RewriteRule }>, workspace: Workspace): object[] {
  const sources = workspace.files.filter((file) => loaded.some(({ adapter }) => adapter.owns(file)));
  const folders = [...new Set(sources.map(folderOf))].sort();
  const objects = folders.map((folder) => folderObject(folder, entries));
  // ESLint flags an `export *` of a module with restricted names whatever the names it passes: a barrel that
  // star-exports a module keeping names of its own gets its folder's rule without those name-level entries
  const nameLevel = entries.filter(({ rule }) => rule.names);
  for (const file of sources) {
    const folder = folderOf(file);
    const text = nameLevel.length ? textOrUndefined(workspace, file) : undefined;
    if (text === undefined) continue;
    const starred = nameLevel.filter(({ map, rule }) => (map.adapter.spellingsOf?.(map.prepared, rule.from, folder) ?? []).some((spelled) => new RegExp(`export\\s*\\*\\s*from\\s*['"]${escapeRegExp(spelled)}['"]`).test(text)));
    if (starred.length) objects.push({ ...folderObject(folder, entries.filter((entry) => !starred.includes(entry))), name: `remodel: old modules (${file}, which star-exports ${starred.map(({ rule }) => rule.from).join(', ')})`, files: [file] });
  }
  return objects;
}

/** One folder's `no-restricted-imports`: every spelling of every old module from there. */
function folderObject(folder: string, entries: Array<{ map: LoadedMap; rule: RewriteRule }>): { name: string; files: string[]; rules: object } {
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
    rules: { 'no-restricted-imports': ['error', { paths: [...paths.values()], ...(patterns.length ? { patterns } : {}) }] },
  };
}

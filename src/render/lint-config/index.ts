import { UsageError } from '../../core/errors';
import { findImportMaps } from '../../importmap';
import { openSession, type LoadedMap } from '../../plan/session';
import { discoverFiles } from '../../workspace/discover';
import { dependencyCruiserConfig } from './dependency-cruiser';
import type { Forbidden } from './entries';
import { importLinterConfig, pylintConfig, ruffConfig } from './python-linters';
import { biomeConfig, eslintObjects } from './text-rules';

export type LintFormat = 'eslint' | 'biome' | 'dependency-cruiser' | 'pylint' | 'ruff' | 'import-linter';
export const lintFormats: readonly LintFormat[] = ['eslint', 'biome', 'dependency-cruiser', 'pylint', 'ruff', 'import-linter'];

const languageOf: Record<LintFormat, 'typescript' | 'python'> = { eslint: 'typescript', biome: 'typescript', 'dependency-cruiser': 'typescript', pylint: 'python', ruff: 'python', 'import-linter': 'python' };

/** The map entries a guard forbids: what the user wrote (not what remodel derived). */
function forbidden(loaded: readonly LoadedMap[], format: LintFormat): Forbidden[] {
  const out = loaded.filter(({ map }) => map.language === languageOf[format]).flatMap((map) => map.map.rules.filter((rule) => !rule.derived).map((rule) => ({ map, rule })));
  if (!out.length) throw new UsageError(`lint-config --format ${format}: no ${languageOf[format]} map with rewrite entries`);
  return out;
}

/**
 * The rule, in a linter the project already runs, that forbids each old module of the maps (and only it: never the
 * canonical module, never a module whose name merely starts the same), the canonical module in its message.
 *
 * - `eslint`: flat-config objects with the core rule `no-restricted-imports` (JSON: spread it into `eslint.config.*`);
 *   `biome`: a `biome.json` fragment, `overrides` with `style/noRestrictedImports`. Both compare specifiers as text, so
 *   each folder gets every spelling of every old module from there (see `text-rules.ts`).
 * - `dependency-cruiser`: `forbidden` rules on the files the old modules resolve to (a CommonJS module).
 * - `pylint`: `[IMPORTS] deprecated-modules`; `ruff`: `flake8-tidy-imports.banned-api`; `import-linter`: `forbidden`
 *   contracts. Where a tool has no name-level form, those entries are listed as comments.
 */
export async function renderLintConfig(format: LintFormat, cwd: string, maps?: readonly string[]): Promise<string> {
  const session = await openSession(cwd, findImportMaps(cwd, maps), discoverFiles(cwd));
  const entries = forbidden(session.loaded, format);
  switch (format) {
    case 'eslint':
      return `${JSON.stringify(eslintObjects(session.loaded, entries, session.workspace), null, 2)}\n`;
    case 'biome':
      return `${JSON.stringify(biomeConfig(session.loaded, entries, session.workspace), null, 2)}\n`;
    case 'dependency-cruiser':
      return dependencyCruiserConfig(entries);
    case 'pylint':
      return pylintConfig(entries);
    case 'ruff':
      return ruffConfig(entries);
    case 'import-linter':
      return importLinterConfig(entries, [...new Set(entries.flatMap(({ map }) => map.adapter.moduleNames?.(map.prepared) ?? []))]);
  }
}

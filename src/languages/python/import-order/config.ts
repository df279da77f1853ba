import { ruffIsortSettings } from './ruff-config';

/** The isort settings remodel keeps a file's imports in (isort 5's names and defaults). */
export interface IsortConfig {
  lineLength: number;
  /** 0 = GRID, 3 = VERTICAL_HANGING_INDENT: the two wrap modes remodel writes */
  multiLineOutput: 0 | 3;
  includeTrailingComma: boolean;
  useParentheses: boolean;
  forceGridWrap: number;
  forceSingleLine: boolean;
  combineAsImports: boolean;
  orderByType: boolean;
  caseSensitive: boolean;
  linesBetweenTypes: number;
  /** a blank line before a comment line above an import (profile black) */
  ensureNewlineBeforeComments: boolean;
  /** a magic trailing comma keeps a from-import wrapped (isort 5.12's `split_on_trailing_comma`, ruff's default) */
  splitOnTrailingComma: boolean;
  /** the tool that sorts the project's imports: the one a note tells the user to run on a block left as rewritten */
  sorter: 'isort' | 'ruff';
  knownFirstParty: string[];
  knownThirdParty: string[];
  knownLocalFolder: string[];
  knownStandardLibrary: string[];
  srcPaths: string[];
}

const defaults: IsortConfig = {
  lineLength: 79, multiLineOutput: 0, includeTrailingComma: false, useParentheses: false, forceGridWrap: 0, forceSingleLine: false, combineAsImports: false,
  orderByType: true, caseSensitive: false, linesBetweenTypes: 0, ensureNewlineBeforeComments: false, splitOnTrailingComma: false, sorter: 'isort', knownFirstParty: [], knownThirdParty: [], knownLocalFolder: [], knownStandardLibrary: [], srcPaths: ['', 'src'],
};

type Settings = Record<string, unknown>;

/** isort 5's profiles, as far as the options remodel writes go (the others are refused below). */
const profiles: Record<string, Settings> = {
  black: { multi_line_output: 3, include_trailing_comma: true, force_grid_wrap: 0, use_parentheses: true, ensure_newline_before_comments: true, line_length: 88 },
  django: { combine_as_imports: true, include_trailing_comma: true, multi_line_output: 5, line_length: 79 },
  pycharm: { multi_line_output: 3, force_grid_wrap: 2, lines_after_imports: 2 },
  google: { force_single_line: true, force_sort_within_sections: true, lexicographical: true, order_by_type: false, group_by_package: true },
  open_stack: { force_single_line: true, force_sort_within_sections: true, lexicographical: true },
  plone: { force_alphabetical_sort: true, force_single_line: true, lines_after_imports: 2, line_length: 200 },
  attrs: { atomic: true, force_grid_wrap: 0, include_trailing_comma: true, lines_after_imports: 2, lines_between_types: 1, multi_line_output: 3, use_parentheses: true },
  hug: { multi_line_output: 3, include_trailing_comma: true, force_grid_wrap: 0, use_parentheses: true, line_length: 100 },
  wemake: { multi_line_output: 3, include_trailing_comma: true, use_parentheses: true, line_length: 80 },
};

/** Options whose non-default values change the order or layout in ways remodel does not reproduce. */
const unsupported = ['force_sort_within_sections', 'force_alphabetical_sort', 'no_sections', 'group_by_package', 'reverse_relative', 'force_to_top', 'length_sort', 'sections', 'forced_separate', 'from_first', 'no_lines_before', 'single_line_exclusions', 'star_first', 'lexicographical', 'lines_between_sections', 'known_other', 'force_sort_within_sections', 'honor_case_in_force_sorted_sections', 'combine_star', 'no_inline_sort', 'reverse_sort'];

const truthy = (value: unknown): boolean => value === true || (typeof value === 'string' && /^(true|1|yes|on)$/i.test(value.trim()));
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[,\n]/).map((s) => s.trim()).filter(Boolean) : []);
const number = (value: unknown): number | undefined => (value === undefined || value === '' ? undefined : Number(value));

/** The `[isort]`-like section of one config file's text, or undefined when it has none. */
function sectionOf(file: string, text: string): Settings | undefined {
  // the parsers load only for a project that has such a file (most runs read none)
  if (file.endsWith('pyproject.toml')) {
    const { parse: parseToml } = require('@iarna/toml') as typeof import('@iarna/toml');
    const tool = (parseToml(text) as { tool?: { isort?: Settings } }).tool;
    return tool?.isort;
  }
  const { parse: parseIni } = require('ini') as typeof import('ini');
  const ini = parseIni(text) as Record<string, Settings | undefined>;
  if (file.endsWith('.isort.cfg')) return ini.settings ?? ini.isort ?? {};
  return ini.isort ?? ini['tool:isort'];
}

/** isort's settings from `.pre-commit-config.yaml` arguments (`args: [--profile, black]`), when a hook runs isort there. */
function preCommitSettings(text: string | undefined): Settings | undefined {
  if (!text || !/\bid:\s*isort\b/.test(text)) return undefined;
  const hook = text.slice(text.search(/\bid:\s*isort\b/)).split(/\n\s*-\s+id:/)[0]!;
  const args = /args:\s*\[([^\]]*)\]/.exec(hook)?.[1]?.split(',').map((a) => a.trim().replace(/^["']|["']$/g, '')) ?? [];
  const settings: Settings = {};
  args.forEach((arg, i) => {
    const [flag, inline] = arg.split('=');
    const value = inline ?? args[i + 1];
    if (flag === '--profile') settings.profile = value;
    else if (flag === '--line-length' || flag === '-l' || flag === '--line-width') settings.line_length = value;
    else if (flag === '--multi-line' || flag === '-m') settings.multi_line_output = value;
    else if (flag === '--trailing-comma' || flag === '--tc') settings.include_trailing_comma = true;
    else if (flag === '--force-single-line-imports' || flag === '--sl') settings.force_single_line = true;
    else if (flag === '--combine-as' || flag === '--ca') settings.combine_as_imports = true;
    else if (flag?.startsWith('-') && !['--filter-files', '--check-only', '--diff', '-c'].includes(flag)) settings[`unknown${i}`] = true;
  });
  return Object.keys(settings).some((k) => k.startsWith('unknown')) ? { force_sort_within_sections: true } : settings;
}

/**
 * The isort settings of a project that runs isort (`.isort.cfg`, `pyproject.toml` `[tool.isort]`, `setup.cfg`
 * `[isort]`/`[tool:isort]`, `tox.ini` `[isort]`, first found, as isort looks for them; else a pre-commit isort hook's
 * arguments; else ruff's import sorting, see `ruffIsortSettings`). Undefined when the project declares no isort, or
 * asks for an order remodel does not reproduce: then imports stay where the rewrite puts them.
 */
export function isortConfig(read: (file: string) => string | undefined): IsortConfig | undefined {
  let settings: Settings | undefined;
  for (const file of ['.isort.cfg', 'pyproject.toml', 'setup.cfg', 'tox.ini']) {
    const text = read(file);
    if (text === undefined) continue;
    try {
      settings = sectionOf(file, text);
    } catch {
      return undefined; // a config isort could not read either
    }
    if (settings) break;
  }
  settings ??= preCommitSettings(read('.pre-commit-config.yaml'));
  const sorter = settings ? 'isort' : 'ruff';
  settings ??= ruffIsortSettings(read);
  if (!settings) return undefined;
  const profile = typeof settings.profile === 'string' ? profiles[settings.profile] : {};
  if (profile === undefined) return undefined;
  const all: Settings = { ...profile, ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k.replace(/-/g, '_'), v])) };
  if (unsupported.some((key) => key in all && truthy(all[key]) && key !== 'lines_between_sections')) return undefined;
  if ('lines_between_sections' in all && number(all.lines_between_sections) !== 1) return undefined;
  const mode = number(all.multi_line_output) ?? 0;
  if (mode !== 0 && mode !== 3) return undefined;
  return {
    lineLength: number(all.line_length) ?? defaults.lineLength,
    multiLineOutput: mode,
    includeTrailingComma: 'include_trailing_comma' in all ? truthy(all.include_trailing_comma) : defaults.includeTrailingComma,
    useParentheses: truthy(all.use_parentheses),
    forceGridWrap: number(all.force_grid_wrap) ?? 0,
    forceSingleLine: truthy(all.force_single_line),
    combineAsImports: truthy(all.combine_as_imports),
    orderByType: 'order_by_type' in all ? truthy(all.order_by_type) : true,
    caseSensitive: truthy(all.case_sensitive),
    linesBetweenTypes: number(all.lines_between_types) ?? 0,
    ensureNewlineBeforeComments: truthy(all.ensure_newline_before_comments),
    splitOnTrailingComma: truthy(all.split_on_trailing_comma),
    sorter,
    knownFirstParty: list(all.known_first_party),
    knownThirdParty: list(all.known_third_party),
    knownLocalFolder: list(all.known_local_folder),
    knownStandardLibrary: list(all.known_standard_library).concat(list(all.extra_standard_library)),
    srcPaths: 'src_paths' in all ? list(all.src_paths) : defaults.srcPaths,
  };
}

type Table = Record<string, unknown>;

/** ruff's settings files of one folder, in the order ruff prefers them. */
const ruffFiles = ['.ruff.toml', 'ruff.toml', 'pyproject.toml'];

/** `[lint.isort]` options whose non-default values order or lay out imports in ways remodel does not reproduce. */
const unsupported: Record<string, (value: unknown) => boolean> = {
  'force-sort-within-sections': (v) => v === true,
  'no-sections': (v) => v === true,
  'from-first': (v) => v === true,
  'length-sort': (v) => v === true,
  'length-sort-straight': (v) => v === true,
  'force-wrap-aliases': (v) => v === true,
  'force-to-top': nonEmpty,
  'forced-separate': nonEmpty,
  'single-line-exclusions': nonEmpty,
  'no-lines-before': nonEmpty,
  sections: (v) => typeof v === 'object' && v !== null && Object.keys(v).length > 0,
  'section-order': nonEmpty,
  'default-section': (v) => v !== 'third-party',
  'relative-imports-order': (v) => v !== 'furthest-to-closest',
  classes: nonEmpty,
  constants: nonEmpty,
  variables: nonEmpty,
};

function nonEmpty(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The isort settings of a project that sorts its imports with ruff: the ruff settings at the root (`.ruff.toml`,
 * `ruff.toml`, `pyproject.toml` `[tool.ruff]`, the first found) select rule I001 (`select` or `extend-select` naming
 * `I`, `I0`, `I00`, `I001` or `ALL`, not ignored by a code as specific). ruff's isort is isort's black profile to ruff's
 * `line-length`, with a magic trailing comma keeping an import wrapped (`split-on-trailing-comma`, on by default); its
 * `[lint.isort]` options go by their isort names. Undefined when ruff does not sort imports here; an option remodel
 * does not reproduce is passed on as isort's `force_sort_within_sections`, which remodel refuses. A config that
 * `extend`s another is read as it stands.
 */
export function ruffIsortSettings(read: (file: string) => string | undefined): Table | undefined {
  const settings = ruffSettings(read);
  if (!settings) return undefined;
  const lint = (settings.lint ?? {}) as Table;
  const option = (key: string): unknown => lint[key] ?? settings[key];
  const selected = [...strings(option('select')), ...strings(lint['extend-select']), ...strings(settings['extend-select'])];
  const ignored = [...strings(option('ignore')), ...strings(lint['extend-ignore']), ...strings(settings['extend-ignore'])];
  if (specificity(selected) <= specificity(ignored)) return undefined;
  const isort = (option('isort') ?? {}) as Table;
  if (Object.entries(unsupported).some(([key, differs]) => key in isort && differs(isort[key]))) return { force_sort_within_sections: true };
  return {
    profile: 'black',
    line_length: typeof settings['line-length'] === 'number' ? settings['line-length'] : 88,
    split_on_trailing_comma: isort['split-on-trailing-comma'] !== false,
    force_single_line: isort['force-single-line'] === true,
    combine_as_imports: isort['combine-as-imports'] === true,
    order_by_type: isort['order-by-type'] !== false,
    case_sensitive: isort['case-sensitive'] === true,
    lines_between_types: typeof isort['lines-between-types'] === 'number' ? isort['lines-between-types'] : 0,
    known_first_party: strings(isort['known-first-party']),
    known_third_party: strings(isort['known-third-party']),
    known_local_folder: strings(isort['known-local-folder']),
    extra_standard_library: strings(isort['extra-standard-library']),
    ...('src' in settings ? { src_paths: strings(settings.src).map((src) => (src === '.' ? '' : src)) } : {}),
  };
}

/** The root's ruff settings (a `ruff.toml`'s top level, or `pyproject.toml`'s `[tool.ruff]`), the first file found. */
function ruffSettings(read: (file: string) => string | undefined): Table | undefined {
  for (const file of ruffFiles) {
    const text = read(file);
    if (text === undefined) continue;
    if (file === 'pyproject.toml' && !text.includes('tool.ruff')) continue;
    let parsed: Table;
    try {
      const { parse: parseToml } = require('@iarna/toml') as typeof import('@iarna/toml');
      parsed = parseToml(text) as Table;
    } catch {
      return undefined; // a config ruff could not read either
    }
    return file === 'pyproject.toml' ? (((parsed.tool ?? {}) as Table).ruff as Table | undefined) : parsed;
  }
  return undefined;
}

/** How specifically the codes select I001: the longest that does (`ALL` the least), -1 when none. */
function specificity(codes: readonly string[]): number {
  return Math.max(-1, ...codes.map((code) => (code === 'ALL' ? 0 : 'I001'.startsWith(code) ? code.length : -1)));
}

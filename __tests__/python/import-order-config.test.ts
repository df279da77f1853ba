import { isortConfig } from '../../src/languages/python/import-order/config';

/** The import order a project's config files declare (isort's, else ruff's import sorting), files given by name. */
const configOf = (files: Record<string, string>) => isortConfig((file) => files[file]);

describe('isortConfig: ruff sorting imports (rule I001)', () => {
  it('reads a project that selects I under [tool.ruff.lint]: the black profile to ruff’s line length, magic trailing commas kept', () => {
    expect(configOf({ 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F", "I"]\n' })).toMatchObject({ lineLength: 88, multiLineOutput: 3, includeTrailingComma: true, useParentheses: true, ensureNewlineBeforeComments: true, splitOnTrailingComma: true, forceSingleLine: false, sorter: 'ruff' });
    expect(configOf({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\nsrc = [".", "lib"]\n\n[tool.ruff.lint]\nextend-select = ["I001"]\n\n[tool.ruff.lint.isort]\ncombine-as-imports = true\nknown-first-party = ["app"]\nsplit-on-trailing-comma = false\n' })).toMatchObject({ lineLength: 100, combineAsImports: true, knownFirstParty: ['app'], srcPaths: ['', 'lib'], splitOnTrailingComma: false });
  });

  it('reads the settings ruff reads: ruff.toml before pyproject.toml, top-level (legacy) select and [isort]', () => {
    expect(configOf({ 'ruff.toml': 'select = ["I"]\n\n[isort]\nforce-single-line = true\n', 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E"]\n' })).toMatchObject({ forceSingleLine: true });
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["E"]\n', 'pyproject.toml': '[tool.ruff.lint]\nselect = ["I"]\n' })).toBeUndefined();
    expect(configOf({ '.ruff.toml': '[lint]\nselect = ["ALL"]\n', 'ruff.toml': '[lint]\nselect = ["E"]\n' })).toBeDefined();
  });

  it('is undefined where ruff does not sort imports: I not selected, or ignored as specifically', () => {
    expect(configOf({ 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F"]\n' })).toBeUndefined();
    expect(configOf({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' })).toBeUndefined();
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["ALL"]\nignore = ["I001"]\n' })).toBeUndefined();
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["I"]\nextend-ignore = ["I0"]\n' })).toBeUndefined();
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["I001"]\nignore = ["I"]\n' })).toBeDefined();
  });

  it('is undefined for an order remodel does not reproduce, and isort’s own config comes first', () => {
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["I"]\n\n[lint.isort]\nforce-sort-within-sections = true\n' })).toBeUndefined();
    expect(configOf({ 'ruff.toml': '[lint]\nselect = ["I"]\n\n[lint.isort]\nsection-order = ["future", "standard-library", "first-party", "third-party", "local-folder"]\n' })).toBeUndefined();
    expect(configOf({ 'pyproject.toml': '[tool.isort]\nline_length = 60\n\n[tool.ruff.lint]\nselect = ["I"]\n' })).toMatchObject({ lineLength: 60, multiLineOutput: 0, splitOnTrailingComma: false, sorter: 'isort' });
    expect(configOf({ '.isort.cfg': '[settings]\nprofile = black\nsplit_on_trailing_comma = true\n' })).toMatchObject({ splitOnTrailingComma: true });
  });
});

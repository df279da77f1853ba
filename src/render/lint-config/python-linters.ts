import { stringLiteral } from '../../core/literals';
import { messageOf, type Forbidden } from './entries';

const nameLevelComments = (entries: readonly Forbidden[], tool: string): string[] =>
  entries.filter(({ rule }) => rule.names).map(({ rule }) => `# not expressible in ${tool} (name-level): ${messageOf(rule)}`);

const wholeModules = (entries: readonly Forbidden[]): string[] => [...new Set(entries.filter(({ rule }) => !rule.names).map(({ rule }) => rule.from))];

/** An rcfile section, `[IMPORTS] deprecated-modules` (whole modules: pylint has no name-level form). */
export function pylintConfig(entries: readonly Forbidden[]): string {
  return ['# written by remodel lint-config: importing an old module is W4901 (deprecated-module)', ...nameLevelComments(entries, 'pylint'), '[IMPORTS]', `deprecated-modules=${wholeModules(entries).join(',')}`, ''].join('\n');
}

/** `flake8-tidy-imports.banned-api` for `ruff.toml`: modules and, for name-level moves, `module.Name`. */
export function ruffConfig(entries: readonly Forbidden[]): string {
  const lines = ['# written by remodel lint-config (ruff.toml; in pyproject.toml the table is [tool.ruff.lint.flake8-tidy-imports.banned-api])', '[lint.flake8-tidy-imports.banned-api]'];
  for (const { rule } of entries) {
    if (rule.names) for (const name of rule.names) lines.push(`${stringLiteral(`${rule.from}.${name}`)}.msg = ${stringLiteral(messageOf(rule, name))}`);
    else lines.push(`${stringLiteral(rule.from)}.msg = ${stringLiteral(messageOf(rule))}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * An `.importlinter` file: one `forbidden` contract per old module, direct imports only. import-linter forbids a
 * module to the source modules *and their descendants*, so the sources are every module of the repository that
 * neither is the old module nor contains it: the other root packages, and the siblings of each package on its way.
 */
export function importLinterConfig(entries: readonly Forbidden[], modules: readonly string[]): string {
  const known = new Set(modules.flatMap((module) => module.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
  const childrenOf = (parent: string | undefined): string[] =>
    [...known].filter((module) => (parent === undefined ? !module.includes('.') : module.startsWith(`${parent}.`) && !module.slice(parent.length + 1).includes('.'))).sort();
  const packages = new Set([...known].filter((module) => module.includes('.')).map((module) => module.slice(0, module.lastIndexOf('.'))));
  // grimp builds its graph from packages: a top-level module of one file cannot be a root
  const roots = childrenOf(undefined).filter((module) => packages.has(module));
  const external = wholeModules(entries).filter((module) => !known.has(module));
  const lines = ['# written by remodel lint-config (.importlinter; in pyproject.toml the sections are [tool.importlinter] and [[tool.importlinter.contracts]])', ...nameLevelComments(entries, 'import-linter'), '[importlinter]', 'root_packages =', ...roots.map((root) => `    ${root}`)];
  if (external.length) lines.push('include_external_packages = True');
  wholeModules(entries).forEach((module, index) => {
    const rule = entries.find((entry) => entry.rule.from === module && !entry.rule.names)!.rule;
    const parts = module.split('.');
    const sources = parts.flatMap((_, depth) => childrenOf(depth ? parts.slice(0, depth).join('.') : undefined).filter((child) => child !== parts.slice(0, depth + 1).join('.')));
    lines.push('', `[importlinter:contract:remodel-old-module-${index + 1}]`, `name = ${messageOf(rule)}`, 'type = forbidden', 'source_modules =', ...sources.filter((source) => roots.includes(source.split('.')[0]!)).map((source) => `    ${source}`), 'forbidden_modules =', `    ${module}`, 'allow_indirect_imports = True');
  });
  return `${lines.join('\n')}\n`;
}

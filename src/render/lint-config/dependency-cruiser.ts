import { escapeRegExp } from '../../core/regexp';
import { messageOf, type Forbidden } from './entries';

/** The file names a compiled or declared copy of a module can have next to its source (`x.ts`, `x.js`, `x.d.ts`, …). */
const ANY_SOURCE_EXTENSION = String.raw`\.(?:d\.[cm]?ts|[cm]?[jt]sx?)$`;

/**
 * dependency-cruiser `forbidden` rules: it resolves every import to a file, so a rule names the file an old module
 * resolves to (any of its source, compiled or declaration extensions), or the folder of a package entry, however an
 * importer spells it. It cannot see imported names: a name-level move is listed as a comment, not a rule.
 */
export function dependencyCruiserConfig(entries: readonly Forbidden[]): string {
  const rules: object[] = [];
  const comments: string[] = [];
  for (const { map, rule } of entries) {
    if (rule.names) {
      comments.push(`// not expressible in dependency-cruiser (name-level): ${messageOf(rule)}`);
      continue;
    }
    const file = map.adapter.resolvedFileOf?.(map.prepared, rule.from);
    const path = rule.package
      ? file === undefined || file.includes('node_modules/') ? `(^|/)node_modules/${escapeRegExp(rule.from)}/` : `^${escapeRegExp(rule.from.replace(/^\.\//, ''))}/`
      : file === undefined ? undefined : `^${escapeRegExp(file.replace(/(\.d)?\.[cm]?[jt]sx?$/, ''))}${ANY_SOURCE_EXTENSION}`;
    if (path === undefined) {
      comments.push(`// not resolvable from the map's root, so no rule: ${messageOf(rule)}`);
      continue;
    }
    rules.push({ name: `remodel-old-module-${rules.length + 1}`, severity: 'error', comment: messageOf(rule), from: {}, to: { path } });
  }
  return [
    '// written by remodel lint-config: spread `forbidden` into the one of your .dependency-cruiser.cjs',
    ...comments,
    `module.exports = ${JSON.stringify({ forbidden: rules }, null, 2)};`,
    '',
  ].join('\n');
}

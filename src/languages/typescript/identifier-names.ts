import { ts } from './ts';

/**
 * An identifier made from a file or module name (`ast-utils` → `astUtils`, `2fa` → `_2fa`, `new` → `newModule`), or
 * `fallback` when it has no letter or digit.
 */
export function identifierFrom(text: string, fallback: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || fallback;
  if (/^\d/.test(name)) name = `_${name}`;
  if (ts.identifierToKeywordKind(ts.factory.createIdentifier(name)) !== undefined) name = `${name}Module`;
  return name;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromImportMatches, fromImportText, fromImportTextOf } from '../../src/languages/python/imports';

/*
 * The prefilter reads from-imports from the text, at the lines that begin with `from` (issue 17: a multiline `^`
 * pattern scanned every line). Its matches must be those of the `^` pattern it replaced — offsets and groups, in
 * order, never one inside another's span — on every Python fixture and on hostile text.
 */
function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pythonFiles(path);
    return /\.pyi?$/.test(entry.name) ? [path] : [];
  });
}

const names = String.raw`[ \t]+import[ \t]+(\([^)]*\)|[^\n\r;#\\]*(?:\\(?:\r\n?|\n)[^\n\r;#\\]*)*)`;
const lineStartPattern = (module: string): RegExp => new RegExp(String.raw`^[ \t]*from[ \t]+` + module + names, 'gm');

const hostile = [
  'from a import b\r\nfrom c import d\rfrom e import f\u2028from g import h\u2029  from i import j',
  'x = 1; from a import b\n\tfrom  ..  import (\n    c,\n    d)\nfrom .x import y as z\n',
  // a line inside another statement's span that reads like a from-import of its own
  'from a import (b,  # from c import d\nfrom c import d)\nfrom e import \\\n    f\nfrom_g = 1\n',
  'def f():\n    """from the docs: from a import b"""\n    from a.b import c\nfromage = "from a import b"\n',
];

describe('fromImportMatches', () => {
  const texts = [...pythonFiles(join(__dirname, '..', '..', '__testfixtures__')).map((file) => readFileSync(file, 'utf8')), ...hostile];
  const shape = (matches: Iterable<RegExpMatchArray>): string[] => [...matches].map((match) => JSON.stringify([match.index, ...match]));

  it.each([
    ['every from-import', fromImportText, String.raw`(\.*)[ \t]*([\w.]*)`],
    ['relative ones', fromImportTextOf({ relative: true }), String.raw`(\.+)[ \t]*([\w.]*)`],
    ['those of one module', fromImportTextOf('models.booking'), String.raw`()(models\.booking)`],
    ['those of a top-level module', fromImportTextOf('a'), String.raw`()(a)`],
  ])('finds %s where a multiline ^ pattern does', (_what, sticky, module) => {
    let found = 0;
    for (const text of texts) {
      const expected = shape(text.matchAll(lineStartPattern(module)));
      expect(shape(fromImportMatches(text, sticky))).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inProse, proseRanges } from '../../src/languages/python/prose';
import { parsePython, type Node } from '../../src/languages/python/syntax';
import { fixturesRoot } from '../support/fixtures';

/*
 * The prefilter's lexer: what it calls prose (comments, plain string bodies) must be prose to Python — a mention it
 * hides is one the prefilter no longer counts. Judged against tree-sitter's comments and non-formatted strings.
 */

/** The texts the lexer marks, one per range. */
const marked = (text: string): string[] | undefined => proseRanges(text)?.map(([start, end]) => text.slice(start, end));

describe('proseRanges', () => {
  it('marks comments and plain string bodies, not code', () => {
    expect(marked('import a  # from b import c\nx = "b.c"\n')).toEqual(['# from b import c', 'b.c']);
    expect(marked("d = '''\n>>> import b\n'''\ny = b'raw' + r\"\\d\" + u'x'\n")).toEqual(['\n>>> import b\n', 'raw', '\\d', 'x']);
    expect(marked('s = "a \\" # not a comment"  # a comment\n')).toEqual(['a \\" # not a comment', '# a comment']);
  });

  it('leaves a formatted string as code, its fields read as code', () => {
    expect(marked('x = f"import b {y}"\n')).toEqual([]);
    expect(marked('x = f"{d["k"]} {e[\'j\']!r:>{w}} {{literal}}" + "after"\n')).toEqual(['k', 'j', 'after']);
    expect(marked('x = rf"\\{y}" ; z = "z"\n')).toEqual(['z']);
    expect(marked('x = t"{a:{\'>\'}10}" ; z = "z"\n')).toEqual(['>', 'z']);
    expect(marked('x = f"""\n{y  # a comment in a field\n}"""\n')).toEqual(['# a comment in a field']);
  });

  it('tells a prefix from a name or keyword before a quote', () => {
    expect(marked('x = a if"b"else"c"\n')).toEqual(['b', 'c']);
    expect(marked('x = Rb"b" + fR"{c}" + Br"d"\n')).toEqual(['b', 'd']);
  });

  it('gives up on a text it cannot follow', () => {
    expect(proseRanges('x = "open\ny = 1\n')).toBeUndefined();
    expect(proseRanges('x = """never closed\n')).toBeUndefined();
    expect(proseRanges('x = f"{y"\n')).toBeUndefined();
  });

  it('finds an offset in its ranges', () => {
    const ranges: Array<[number, number]> = [[2, 4], [10, 11]];
    expect([0, 2, 3, 4, 9, 10, 11].map((at) => inProse(ranges, at))).toEqual([false, true, true, false, false, true, false]);
  });

  const pythonFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pythonFiles(path);
      return path.endsWith('.py') ? [path] : [];
    });

  it('marks only what tree-sitter reads as a comment or a plain string, on every fixture', async () => {
    let ranges = 0;
    for (const file of pythonFiles(fixturesRoot)) {
      const text = readFileSync(file, 'utf8');
      const found = proseRanges(text);
      const tree = await parsePython(text);
      try {
        if (tree.rootNode.hasError || !found) continue;
        const prose: Array<[number, number]> = [];
        const visit = (node: Node): void => {
          const start = node.namedChildren[0];
          if (node.type === 'comment' || (node.type === 'string' && start?.type === 'string_start' && !/[fFtT]/.test(start.text))) prose.push([node.startIndex, node.endIndex]);
          else for (const child of node.children) if (child) visit(child);
        };
        visit(tree.rootNode);
        for (const [from, to] of found) {
          ranges++;
          if (!prose.some(([start, end]) => start <= from && to <= end)) throw new Error(`${file}: ${JSON.stringify(text.slice(from, to))} at ${from} is code`);
        }
      } finally {
        tree.delete();
      }
    }
    expect(ranges).toBeGreaterThan(500);
  });
});

describe('proseRanges with other line ends', () => {
  it('ends a comment, and fails a one-quote string, at a lone CR as at LF (Python reads both as line ends)', () => {
    expect(marked('# a comment\rimport b\rx = "c"\r')).toEqual(['# a comment', 'c']);
    expect(marked('# a comment\r\nimport b\r\n')).toEqual(['# a comment']);
    expect(proseRanges('x = "open\ry = 1\r')).toBeUndefined();
  });

  it('reads a backslash before CRLF as one continuation', () => {
    expect(marked('x = "a\\\r\nb"\r\ny = 1  # c\r\n')).toEqual(['a\\\r\nb', '# c']);
  });
});

import { readFileSync } from 'node:fs';
import { Language, Parser, Query, type Node, type Tree } from 'web-tree-sitter';

export type { Node, Tree };

let pythonParser: Promise<Parser> | undefined;

/** One tree-sitter parser per thread, its WASM loaded lazily on first use. */
export function getPythonParser(): Promise<Parser> {
  pythonParser ??= (async () => {
    await Parser.init();
    // bytes, not a path: web-tree-sitter would otherwise load `fs` through a dynamic import() (breaks under jest's VM)
    const language = await Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return pythonParser;
}

const queries = new Map<string, Query>();

/** The nodes a tree-sitter query captures, in document order: the search runs in WASM, so untouched nodes cost nothing in JS. */
export function captureNodes(node: Node, source: string): Node[] {
  let query = queries.get(source);
  if (!query) {
    if (!node.tree.language) throw new Error('tree without a language');
    queries.set(source, (query = new Query(node.tree.language, source)));
  }
  return query.captures(node).map((capture) => capture.node);
}

/** Parses Python text; offsets of the result are UTF-16 code units of `text`. */
export async function parsePython(text: string): Promise<Tree> {
  const parser = await getPythonParser();
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}

/** The first syntax error of a tree, as a 1-based line and column, or undefined when it parsed cleanly. */
export function firstSyntaxError(tree: Tree): { line: number; column: number; text: string } | undefined {
  if (!tree.rootNode.hasError) return undefined;
  const stack: Node[] = [tree.rootNode];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.isError || node.isMissing) {
      return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, text: node.isMissing ? `missing ${node.type}` : 'syntax error' };
    }
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child?.hasError || child?.isMissing || child?.isError) stack.push(child);
    }
  }
  return { line: 1, column: 1, text: 'syntax error' };
}

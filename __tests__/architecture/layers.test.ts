import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The import graph of the code (ARCHITECTURE.md): layers only point down, never sideways between siblings or between
 * the two language adapters, `transforms/` use the public API, and no module cycle, type-only imports included.
 */
const root = path.join(__dirname, '..', '..');

/** Bottom to top; the folders of one row are siblings and may not import each other. */
const layers: string[][] = [
  ['src/core'],
  ['src/importmap'],
  ['src/workspace'],
  ['src/languages'],
  ['src/schema'],
  ['src/plan'],
  ['src/render', 'src/apply', 'src/audit'],
  ['src/index.ts'],
  ['src/cli'],
  ['bin'],
];
/** Folders of one layer that are independent of each other: a language adapter never imports the other one. */
const separate = [
  ['src/languages/python', 'src/languages/typescript'],
  ['src/schema/orm/python', 'src/schema/orm/typescript'],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  return [`${base}.ts`, `${base}/index.ts`].find((candidate) => fs.existsSync(path.join(root, candidate)));
}

/** Every relative import of every file: import/export declarations (type-only too), `require()` and `import()`. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of ['src', 'bin', 'transforms'].flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    graph.set(file, importedFiles.map((i) => resolveImport(file, i.fileName)).filter((f): f is string => f !== undefined));
  }
  return graph;
}

const within = (file: string, folder: string): boolean => file === folder || file.startsWith(`${folder}/`);
const layerOf = (file: string): { index: number; folder: string } | undefined => {
  for (const [index, row] of layers.entries()) for (const folder of row) if (within(file, folder)) return { index, folder };
  return undefined;
};

/** Why an import breaks the layering, or undefined when it is allowed. */
function violation(from: string, to: string): string | undefined {
  if (within(from, 'transforms')) return within(to, 'transforms') || to === 'src/index.ts' ? undefined : 'transforms use the API (src/index.ts) only';
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b) return `outside the layers (${!a ? from : to})`;
  if (b.index > a.index) return 'points up a layer';
  if (b.index === a.index && a.folder !== b.folder) return 'sideways between sibling layers';
  for (const group of separate) {
    const x = group.find((folder) => within(from, folder));
    const y = group.find((folder) => within(to, folder));
    if (x && y && x !== y) return 'between two independent adapters';
  }
  return undefined;
}

/** The strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the import graph', () => {
  const graph = importGraph();

  it('has every import pointing down a layer, and transforms on the API', () => {
    const wrong = [...graph].flatMap(([from, tos]) => tos.flatMap((to) => {
      const why = violation(from, to);
      return why ? [`${from} -> ${to}: ${why}`] : [];
    }));
    expect(wrong).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('catches what it is for (an upward import, a cycle)', () => {
    expect(violation('src/languages/python/rewrite.ts', 'src/plan/types.ts')).toBe('points up a layer');
    expect(violation('src/audit/index.ts', 'src/render/patch.ts')).toBe('sideways between sibling layers');
    expect(violation('src/languages/python/rewrite.ts', 'src/languages/typescript/ts.ts')).toBe('between two independent adapters');
    expect(violation('transforms/rewrite-imports.ts', 'src/core/edits.ts')).toBe('transforms use the API (src/index.ts) only');
    expect(violation('src/plan/build.ts', 'src/core/edits.ts')).toBeUndefined();
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
  });
});

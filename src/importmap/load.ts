import { readFileSync } from 'node:fs';
import { Document, LineCounter, parseDocument, isNode, isScalar } from 'yaml';
import { z } from 'zod';
import { ImportMapError } from '../core/errors';
import { importMapSchema, type RawImportMap } from './schema';

/** A validated map and a way to find the line of any key path in its source. */
export interface LoadedImportMap {
  file: string;
  raw: RawImportMap;
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** `rewrite[3].rename` from `['rewrite', 3, 'rename']`. */
export function formatKeyPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Reads a YAML or JSON import map, validates it against the schema; errors name file, line and key path. */
export function loadImportMap(file: string, displayName = file): LoadedImportMap {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ImportMapError(displayName, undefined, undefined, `cannot read the import map (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseImportMap(text, displayName);
}

export function parseImportMap(text: string, file: string): LoadedImportMap {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw new ImportMapError(file, line, undefined, `invalid YAML/JSON: ${firstError.message.split('\n')[0]}`);
  }
  const lineOf = (path: ReadonlyArray<string | number>): number | undefined => lineOfPath(doc, lineCounter, path);
  const value: unknown = doc.toJS() ?? {};
  const result = importMapSchema.safeParse(value);
  if (!result.success) {
    // an unknown key first: it is usually the typo behind a "missing" one (`too:` for `to:`)
    const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
    const path = issuePath(issue);
    const missing = issue.code !== 'unrecognized_keys' && valueAt(value, path) === undefined;
    const detail = missing ? 'required key is missing' : (yamlReading(doc, text, issue, path) ?? describeIssue(issue));
    throw new ImportMapError(file, lineOf(path) ?? 1, formatKeyPath(path) || undefined, detail);
  }
  return { file, raw: result.data, lineOf };
}

function issuePath(issue: z.core.$ZodIssue): Array<string | number> {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return path;
}

/**
 * YAML reads some unquoted words as other than text (`null`, `~`, `True`, `2019`): where the map wants text, the
 * error says what YAML made of the word as written, and to quote it.
 */
function yamlReading(doc: Document, text: string, issue: z.core.$ZodIssue, path: ReadonlyArray<string | number>): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string') return undefined;
  const node = doc.getIn(path, true);
  if (!isScalar(node) || !node.range) return undefined;
  const written = text.slice(node.range[0], node.range[1]).trim();
  const reading = node.value === null ? 'no value' : typeof node.value === 'boolean' ? 'a boolean' : typeof node.value === 'number' ? 'a number' : undefined;
  return written && reading ? `YAML reads ${written} as ${reading}, not as text: quote it ("${written}")` : undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'unrecognized_keys') return issue.message;
  const known = knownKeys(issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)));
  const guess = issue.keys.length === 1 ? closest(issue.keys[0]!, known) : undefined;
  return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}${guess ? ` (did you mean '${guess}'?)` : ''}`;
}

/** The keys the schema allows at a path of the map (`tables[0]` -> from, to, merge). */
function knownKeys(path: ReadonlyArray<string | number>): string[] {
  let schema: z.ZodType = importMapSchema;
  const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodOptional ? unwrap(s.unwrap() as z.ZodType) : s);
  for (const key of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodArray && typeof key === 'number') schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject && typeof key === 'string') schema = (schema.shape as Record<string, z.ZodType>)[key] ?? schema;
    else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** The known key nearest to a typo (edit distance at most 2), if any. */
function closest(word: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const ranked = known.map((key) => ({ key, d: distance(word.toLowerCase(), key.toLowerCase()) })).sort((x, y) => x.d - y.d);
  return ranked[0] && ranked[0].d <= 2 ? ranked[0].key : undefined;
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function lineOfPath(doc: Document, counter: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  // the deepest node that exists on the path: a missing key reports its parent's line
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    if (depth > 0) {
      const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
      const key = path[depth - 1];
      if (parent && typeof parent === 'object' && 'items' in parent && typeof key === 'string') {
        const pair = (parent.items as Array<{ key: unknown }>).find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === key);
        if (pair && isNode(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
      }
    }
  }
  return undefined;
}

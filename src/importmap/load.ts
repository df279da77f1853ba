import { readFileSync } from 'node:fs';
import { Document, LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
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
    const issue = result.error.issues[0]!;
    const path = issuePath(issue);
    const missing = issue.code !== 'unrecognized_keys' && valueAt(value, path) === undefined;
    const detail = missing ? 'required key is missing' : describeIssue(issue);
    throw new ImportMapError(file, lineOf(path) ?? 1, formatKeyPath(path) || undefined, detail);
  }
  return { file, raw: result.data, lineOf };
}

function issuePath(issue: z.core.$ZodIssue): Array<string | number> {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return path;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  return issue.message;
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

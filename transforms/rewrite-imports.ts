import { applyEdits, mayNeedEdit, ParseError } from '../src';
import { preparedMapFor, relativePath, report, typescriptAdapter, type FileInfo, type TransformApi, type TransformOptions } from './support';

export { diskWorkspace, type FileInfo, type TransformApi } from './support';
export type RewriteImportsOptions = TransformOptions;

/**
 * rewrite-imports as a jscodeshift transform, over remodel's TypeScript adapter: the same edits as
 * `remodel plan`, one file at a time. Returns undefined (skipped) for a file the map cannot concern,
 * the same text when nothing changes, and throws a ParseError for a file that does not parse.
 *
 * @example
 * npx jscodeshift -t dist/transforms/rewrite-imports.js --importMap=import-maps/ts-app.yaml --extensions=ts,tsx src
 */
export default async function rewriteImports(file: FileInfo, api: TransformApi, options: RewriteImportsOptions): Promise<string | undefined> {
  const { map: prepared, cwd } = await preparedMapFor('rewrite-imports', options);
  const relative = relativePath(cwd, file);
  const adapter = await typescriptAdapter();
  if (!adapter.owns(relative)) return undefined;
  if (!mayNeedEdit(prepared, relative, file.source)) return undefined;
  const result = await adapter.planRewrite({ path: relative, text: file.source }, prepared);
  if (result.kind === 'failed') throw new ParseError(result.file, result.line, result.column, result.error);
  report(api, result);
  return result.kind === 'changed' ? applyEdits(file.source, result.edits) : file.source;
}

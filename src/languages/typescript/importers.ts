import * as path from 'node:path';
import { textOrUndefined } from '../../core/read-text';
import type { Workspace } from '../../core/types';
import { blockFileName, isComponentFile, scriptBlocks } from './components';
import { findSpecifiers } from './moves';
import { ownsTypeScriptPath } from './owns';
import type { TypeScriptPreparedMap } from './prepared-map';
import { stripSourceExtension } from './module-files';
import { parseSource } from './syntax';

/**
 * The files whose imports, `require`/`import()` strings or mock targets resolve to `file` (repository-relative): what
 * still needs a module before it may be deleted.
 */
export function importersOfFile(prepared: TypeScriptPreparedMap, workspace: Workspace, file: string): string[] {
  const absolute = path.join(prepared.cwd, file);
  const stem = path.posix.basename(stripSourceExtension(file));
  const needle = stem === 'index' ? path.posix.basename(path.posix.dirname(file)) : stem;
  const out: string[] = [];
  for (const importer of workspace.files) {
    if (importer === file || !ownsTypeScriptPath(importer) || !workspace.exists(importer)) continue;
    const text = textOrUndefined(workspace, importer);
    if (text === undefined || !text.includes(needle)) continue;
    const from = path.join(prepared.cwd, importer);
    const scripts = isComponentFile(importer) ? scriptBlocks(text).map((block) => parseSource(blockFileName(importer, block), text.slice(block.start, block.end))) : [parseSource(importer, text)];
    if (scripts.some((script) => findSpecifiers(script).some((site) => prepared.resolver.resolve(site.literal.text, from, site.usage) === absolute))) out.push(importer);
  }
  return out;
}

import type { LanguageAdapter } from '../types';
import { prepareTypeScriptMap, type TypeScriptPreparedMap } from './prepare';
import { planTypeScriptRewrite } from './rewrite';

export type { TypeScriptPreparedMap } from './prepare';

const OWNED = /\.(d\.[mc]?ts|[mc]?tsx?|[mc]?jsx?)$/;

/**
 * The TypeScript/JavaScript adapter: `.ts .tsx .mts .cts .js .jsx .mjs .cjs` (and `.d.ts`), resolved with the
 * compiler's own module resolution under the tsconfig/jsconfig that governs the map's root.
 *
 * @example
 * const prepared = await typescriptAdapter.prepare(map, workspace);
 * const result = await typescriptAdapter.planRewrite({ path: 'src/app.ts', text }, prepared);
 * if (result.kind === 'changed') applyEdits(text, result.edits);
 */
export const typescriptAdapter: LanguageAdapter<TypeScriptPreparedMap> = {
  id: 'typescript',
  owns: (path) => OWNED.test(path),
  prepare: async (map, workspace) => prepareTypeScriptMap(map, workspace),
  planRewrite: async (file, prepared) => planTypeScriptRewrite(file, prepared),
};

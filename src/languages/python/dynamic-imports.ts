import type { ImportMap } from '../../importmap/types';

const dynamicImport = /\bimport_module\b|\b__import__\b/;

/** Each old module's top-level package and last part (`app` and `booking` for `app.models.booking`). */
export function oldModuleEnds(map: ImportMap): Array<{ top: string; last: string }> {
  return map.oldModules().map((module) => ({ top: module.split('.')[0]!, last: module.slice(module.lastIndexOf('.') + 1) }));
}

/**
 * Whether a file's `importlib.import_module(x)` / `__import__(x)` with a computed name is worth a review line: its
 * text names an old module's top-level package and its last part, the pieces such a call would build the name from.
 * The prefilter keeps these files and the rewrite lists their calls by this one test, so a file's review lines never
 * depend on whether it was parsed for another reason.
 */
export function mayImportOldModulesDynamically(text: string, ends: ReadonlyArray<{ top: string; last: string }>): boolean {
  return dynamicImport.test(text) && ends.some(({ top, last }) => text.includes(last) && text.includes(top));
}

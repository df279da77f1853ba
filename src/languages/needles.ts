import type { PreparedMap } from './types';

/** A file whose text names none of the needles cannot need an edit: it is never parsed. */
export function mentionsAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

/** The prefilter: the adapter's own when it has one (sharper), else the needles. */
export function mayNeedEdit(prepared: PreparedMap, path: string, text: string): boolean {
  return prepared.mayNeedEdit ? prepared.mayNeedEdit(path, text) : mentionsAny(text, prepared.needles);
}

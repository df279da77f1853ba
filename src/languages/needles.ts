/** A file whose text names none of the needles cannot need an edit: it is never parsed. */
export function mentionsAny(text: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (text.includes(needle)) return true;
  return false;
}

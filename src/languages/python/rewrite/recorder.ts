import { lineEnding } from '../../../core/edits';
import type { Edit, EntryStats, NeedsReview, Note } from '../../../core/types';
import type { SourceFile } from '../../../core/types';
import { type Node } from '../syntax';

/** Collected edits and findings for one file; every rewrite step records into it (LibCST's "record, apply once"). */
export class FileRewrite {
  readonly edits: Edit[] = [];
  readonly needsReview: NeedsReview[] = [];
  readonly notes: Note[] = [];
  readonly stats: Record<string, EntryStats> = {};
  /** `import X` statements to add after a given statement: key = statement id */
  readonly addedImports = new Map<number, { after: Node; lines: string[] }>();
  readonly eol: string;

  constructor(readonly file: SourceFile) {
    this.eol = lineEnding(file.text);
  }

  edit(start: number, end: number, text: string): Edit | undefined {
    if (this.file.text.slice(start, end) === text) return undefined;
    const edit = { start, end, text };
    this.edits.push(edit);
    return edit;
  }

  /** Takes back an edit recorded earlier (a retarget that turned out to serve nothing). */
  dropEdit(edit: Edit): void {
    const at = this.edits.indexOf(edit);
    if (at >= 0) this.edits.splice(at, 1);
  }

  dropAddedLine(line: string): void {
    for (const entry of this.addedImports.values()) entry.lines = entry.lines.filter((l) => l !== line);
  }

  count(label: string, key: keyof EntryStats): void {
    (this.stats[label] ??= { imports: 0, references: 0, strings: 0 })[key]++;
  }

  /** `unsure`: remodel cannot tell whether the place uses an old module at all (see NeedsReview) */
  review(node: Node, reason: string, unsure: boolean | 'prose' = false): void {
    this.needsReview.push({ file: this.file.path, line: node.startPosition.row + 1, reason, ...(unsure ? { unsure: true as const } : {}), ...(unsure === 'prose' ? { prose: true as const } : {}) });
  }

  note(node: Node, message: string): void {
    this.notes.push({ file: this.file.path, line: node.startPosition.row + 1, message });
  }

  /** True when some anchor already gets this line (an `import x` added once serves the whole scope). */
  hasAddedLine(line: string): boolean {
    return [...this.addedImports.values()].some((entry) => entry.lines.includes(line));
  }

  addLineAfter(statement: Node, line: string): void {
    let entry = this.addedImports.get(statement.id);
    if (!entry) this.addedImports.set(statement.id, (entry = { after: statement, lines: [] }));
    if (!entry.lines.includes(line)) entry.lines.push(line);
  }

  /** Inserts added statements on their own lines after their anchor, with the anchor's indentation. */
  flushAddedLines(): void {
    const text = this.file.text;
    for (const { after, lines } of this.addedImports.values()) {
      if (!lines.length) continue;
      const lineStart = text.lastIndexOf('\n', after.startIndex - 1) + 1;
      const prefix = text.slice(lineStart, after.startIndex);
      if (ownsItsLines(text, after)) {
        // after the anchor's last line (past a trailing comment), keeping its indentation
        let end = text.indexOf('\n', after.endIndex);
        if (end === -1) end = text.length;
        else if (text[end - 1] === '\r') end--;
        // the anchor's lines deleted (its import merged into another): the added lines go where they were
        const deleted = this.edits.find((edit) => edit.start <= end && edit.end > end && edit.text === '' && text[edit.end - 1] === '\n');
        if (deleted) this.edits.push({ start: deleted.end, end: deleted.end, text: lines.map((l) => `${prefix}${l}${this.eol}`).join('') });
        else this.edits.push({ start: end, end, text: lines.map((l) => `${this.eol}${prefix}${l}`).join('') });
      } else {
        // the anchor shares its line with other code (`if x: import a`): chain with `;`
        this.edits.push({ start: after.endIndex, end: after.endIndex, text: lines.map((l) => `; ${l}`).join('') });
      }
    }
  }
}


/**
 * A statement with its lines to itself: nothing before it on its first line, no `;` and more code after it
 * (`import a; use(a)`), where a line added after it would have to come before the rest.
 */
export function ownsItsLines(text: string, statement: Node): boolean {
  const lineStart = text.lastIndexOf('\n', statement.startIndex - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, statement.startIndex)) && !/^[ \t]*;/.test(text.slice(statement.endIndex));
}

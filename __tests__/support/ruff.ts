import { PositionEncoding, Workspace } from '@astral-sh/ruff-wasm-nodejs';

interface Location {
  row: number;
  column: number;
}

interface Diagnostic {
  code: string | null;
  start_location: Location;
  fix: { edits: Array<{ content: string | null; location: Location; end_location: Location }> } | null;
}

/**
 * ruff as its WebAssembly build (`@astral-sh/ruff-wasm-nodejs`, a dev dependency: no Python needed) under `settings`
 * (a `ruff.toml`'s tables as an object). It reads no files: first-party packages must be named in the settings.
 */
export function ruffLinter(settings: object): { check(text: string): Diagnostic[]; fix(text: string, code: string): string } {
  const workspace = new Workspace(settings, PositionEncoding.UTF16);
  const check = (text: string): Diagnostic[] => workspace.check(text) as Diagnostic[];
  /** The text once the rule's fixes are applied, over and over until it has nothing to say. */
  const fix = (text: string, code: string): string => {
    for (let round = 0; round < 5; round++) {
      const found = check(text).filter((diagnostic) => diagnostic.code === code);
      if (!found.length) return text;
      const offset = ({ row, column }: Location): number => text.split('\n').slice(0, row - 1).reduce((sum, line) => sum + line.length + 1, 0) + column - 1;
      const edits = found.flatMap((diagnostic) => diagnostic.fix?.edits ?? []).map((edit) => ({ start: offset(edit.location), end: offset(edit.end_location), text: edit.content ?? '' }));
      for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    }
    return text;
  };
  return { check, fix };
}

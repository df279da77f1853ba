import { applyEdits } from '../../core/edits';
import type { Edit } from '../../core/types';
import { ts } from './ts';

/** The script kind of a file, from its extension (`.vue`-style hosts are parsed as TypeScript). */
export function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  if (file.endsWith('.json')) return ts.ScriptKind.JSON;
  return ts.ScriptKind.TS;
}

/**
 * The one way the adapter parses a file: rewrite, shims, moves, barrels and the model readers all come through here.
 * `parents: false` skips the parent links, for read-only passes over declarations; `jsDoc: false` leaves JSDoc
 * comments unparsed (no `jsDoc` on the nodes), for passes that look only for module specifiers in a text where
 * JSDoc cannot hold one (`mayImportInJsDoc`).
 */
export function parseSource(file: string, text: string, options: { parents?: boolean; target?: ts.ScriptTarget | ts.CreateSourceFileOptions; jsDoc?: boolean } = {}): ts.SourceFile {
  const target = options.target ?? ts.ScriptTarget.Latest;
  const settings = options.jsDoc === false ? { ...(typeof target === 'object' ? target : { languageVersion: target }), jsDocParsingMode: ts.JSDocParsingMode.ParseNone } : target;
  return ts.createSourceFile(file, text, settings, options.parents ?? true, scriptKindOf(file));
}

/**
 * Whether a JSDoc comment of `text` can name a module: only through an `@import` tag or an `import('x')` type. Without
 * either, parsing JSDoc is a fifth of a cold parse spent on nothing a specifier pass reads.
 */
export function mayImportInJsDoc(text: string): boolean {
  return text.includes('@import') || /\bimport\s*\(/.test(text);
}

/** The first syntax error the parser recorded, with its 1-based line and column, or undefined for a file that parses. */
export function firstSyntaxError(sourceFile: ts.SourceFile): { line: number; column: number; message: string } | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ') };
}

/** The first syntax error of `text` with `edits` applied: the safety net every TS rewrite passes before it is planned. */
export function syntaxErrorAfter(file: string, text: string, edits: readonly Edit[]): ReturnType<typeof firstSyntaxError> {
  return firstSyntaxError(parseSource(file, applyEdits(text, edits), { parents: false, jsDoc: false }));
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText, encodeText, isKnownEncoding, utf16ByBom } from '../core/encoding';
import type { Workspace } from '../core/types';
import { discoverFiles } from './discover';
import { resolveInsideRoot } from './paths';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** PEP 263: a `coding` declaration in a Python file's first two lines. */
const codingDeclaration = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The encoding a Python file declares (PEP 263), or undefined. */
function declaredEncoding(path: string, bytes: Buffer): string | undefined {
  if (!path.endsWith('.py')) return undefined;
  const head = bytes.subarray(0, 400).toString('latin1').split(/\r?\n/, 2);
  for (const line of head) {
    const found = codingDeclaration.exec(line);
    if (found) return found[1]!.toLowerCase();
  }
  return undefined;
}

/** Thrown by `read` for a file that is not UTF-8 text: remodel never rewrites what it cannot decode losslessly. */
export class NotTextError extends Error {}

/**
 * A repository as the pipeline sees it: discovered once, each file read at most once, and an overlay of
 * texts that earlier maps of the same run already rewrote (so several maps compose on one file).
 */
export class DiskWorkspace implements Workspace {
  readonly files: readonly string[];
  private readonly removed = new Set<string>();
  private readonly fileSet: ReadonlySet<string>;
  private readonly texts = new Map<string, string>();
  private readonly preloaded = new Map<string, Buffer>();
  private readonly overlay = new Map<string, string>();
  private readonly moves = new Map<string, string>();
  private readonly movedFrom = new Map<string, string>();
  /** files read in another encoding than UTF-8 (a PEP 263 declaration), by path */
  private readonly encodings = new Map<string, string>();

  constructor(readonly cwd: string, files?: readonly string[]) {
    this.files = files ?? discoverFiles(cwd);
    this.fileSet = new Set(this.files);
  }

  has(path: string): boolean {
    return this.fileSet.has(path);
  }

  /** The file's bytes as they are on disk; NotTextError when they cannot be read (permissions). */
  readBytes(path: string): Buffer {
    const file = this.fileSet.has(path) ? join(this.cwd, path) : resolveInsideRoot(this.cwd, path);
    try {
      return readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') throw new NotTextError(`${path}: cannot be read (${code})`);
      throw error;
    }
  }

  /** The file's text as it is on disk (UTF-8, BOM kept as U+FEFF). */
  readOriginal(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      // discovered files are regular files inside the root (discovery follows no links); anything else is checked
      const bytes = this.preloaded.get(path) ?? this.readBytes(path);
      this.preloaded.delete(path);
      text = this.decode(path, bytes);
      this.texts.set(path, text);
    }
    return text;
  }

  /** A discovered file's bytes read elsewhere (a read-ahead worker): the next read decodes them instead of the disk's. */
  preload(path: string, bytes: Buffer): void {
    if (this.fileSet.has(path) && !this.texts.has(path)) this.preloaded.set(path, bytes);
  }

  /** Whether the file's text is here already (read before, or written, moved or removed by an earlier step of the run): a read gives it, not the disk. */
  holds(path: string): boolean {
    return this.texts.has(path) || this.overlay.has(path) || this.removed.has(path) || this.moves.has(path);
  }

  private decode(path: string, bytes: Buffer): string {
    const utf16 = utf16ByBom(bytes);
    if (utf16) {
      // as the TypeScript compiler reads a file: a UTF-16 byte-order mark says how (the BOM stays, as U+FEFF)
      this.encodings.set(path, utf16);
      return decodeText(bytes, utf16);
    }
    try {
      return utf8.decode(bytes);
    } catch {
      return this.decodeDeclared(path, bytes);
    }
  }

  /** A file that is not UTF-8 but declares its encoding (PEP 263), read as Python reads it; else NotTextError. */
  private decodeDeclared(path: string, bytes: Buffer): string {
    const encoding = declaredEncoding(path, bytes);
    if (encoding) {
      // decoded as Python does (true ISO 8859-1 for latin-1, not the web's windows-1252), and only when the bytes
      // come back unchanged: what remodel writes back must be the same bytes outside its edits
      const text = isKnownEncoding(encoding) ? decodeText(bytes, encoding) : undefined;
      if (text === undefined || !encodeText(text, encoding).equals(bytes)) throw new NotTextError(`${path}: not ${encoding} text, although it declares that coding`);
      this.encodings.set(path, encoding);
      return text;
    }
    throw new NotTextError(`${path}: not UTF-8 text (and no coding declaration)`);
  }

  /** The encoding a file was read in: 'utf-8', what it declares (PEP 263), or UTF-16 by its byte-order mark. */
  encodingOf(path: string): string {
    return this.encodings.get(path) ?? 'utf-8';
  }

  /** The file's text including what earlier steps of this run changed. */
  read(path: string): string {
    const text = this.overlay.get(path);
    if (text !== undefined) return text;
    if (this.removed.has(path)) throw new Error(`${path} is deleted in this plan`);
    if (this.moves.has(path)) throw new Error(`${path} was moved to ${this.moves.get(path)} in this plan`);
    return this.readOriginal(path);
  }

  /** True when the file exists after the steps planned so far. */
  exists(path: string): boolean {
    return this.overlay.has(path) || (this.fileSet.has(path) && !this.moves.has(path) && !this.removed.has(path));
  }

  write(path: string, text: string): void {
    this.removed.delete(path);
    this.overlay.set(path, text);
  }

  /** Deletes a file of the repository (prune): its change has no text after. */
  remove(path: string): void {
    this.overlay.delete(path);
    if (this.fileSet.has(path) && !this.moves.has(path)) this.removed.add(path);
  }

  /** Drops what the plan wrote to a path (not a move's destination): it stays as it is on disk. */
  discard(path: string): void {
    if (!this.movedFrom.has(path)) this.overlay.delete(path);
  }

  /** Moves a file (with its new text): the old path is free for a new file, e.g. a shim. */
  move(from: string, to: string, text: string): void {
    this.readOriginal(from);
    this.moves.set(from, to);
    this.movedFrom.set(to, from);
    this.overlay.delete(from);
    this.overlay.set(to, text);
  }

  /** Where a file was moved in this plan, or undefined. */
  movedTo(path: string): string | undefined {
    return this.moves.get(path);
  }

  /** The repository as it is on disk, before any step planned here. */
  asOnDisk(): Workspace {
    return { cwd: this.cwd, files: this.files, has: (path) => this.fileSet.has(path), read: (path) => this.readOriginal(path), exists: (path) => this.fileSet.has(path), movedTo: () => undefined };
  }

  /** The repository as the steps planned so far leave it: created files listed, removed and moved-away ones not. */
  asPlanned(): Workspace {
    const files = [...new Set([...this.files, ...this.overlay.keys()])].filter((path) => this.exists(path)).sort();
    const listed = new Set(files);
    return { cwd: this.cwd, files, has: (path) => listed.has(path), read: (path) => this.read(path), exists: (path) => this.exists(path), movedTo: (path) => this.movedTo(path) };
  }

  /** Paths whose text differs from disk (sources of moves excluded), for the next step's inputs. */
  changedFiles(): string[] {
    return [...this.overlay.keys()].filter((path) => !this.movedFrom.has(path) && this.overlay.get(path) !== this.texts.get(path)).sort();
  }

  /** Every change planned: modified, created (`before` null), and moved (`movedFrom`) files, by path. */
  changes(): Array<{ path: string; movedFrom?: string; before: string | null; after: string | null }> {
    const out: Array<{ path: string; movedFrom?: string; before: string | null; after: string | null }> = [];
    for (const path of this.removed) out.push({ path, before: this.readOriginal(path), after: null });
    for (const [path, after] of this.overlay) {
      const source = this.movedFrom.get(path);
      if (source !== undefined) out.push({ path, movedFrom: source, before: this.readOriginal(source), after });
      else if (this.fileSet.has(path) && !this.moves.has(path)) {
        const before = this.readOriginal(path);
        if (before !== after) out.push({ path, before, after });
      } else out.push({ path, before: null, after });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

import { existsSync } from 'node:fs';
import { isMainThread, MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { ownModuleFile } from '../../core/own-modules';
import { mentionsAny } from '../needles';
import { oxcAvailable, oxcParser, type OxcBinding } from './oxc';

/**
 * A file seen as the statements that may need an edit — its `import … from` / `export … from` statements, and the
 * other top-level statements that name a needle — and the rest, each at the file's own offsets.
 */
export interface ImportSkeleton {
  /** the text with all but those statements and the comments blanked: what the compiler parses instead of the file */
  imports: string;
  /** the text with those statements blanked: what the rest of the file says (comments included) */
  rest: string;
}

/**
 * The import skeleton of a file, read by oxc's parser (native, several times faster than the compiler's on a cold
 * start), or undefined when oxc is not there or finds any error in the file: the compiler then parses it all and has
 * the last word. Blanking keeps every offset and line break, so positions and lines read on the skeleton are the
 * file's; comments stay, so each statement keeps its leading and trailing comments. `needles`: the map's (a top-level
 * statement that names one is kept whole).
 *
 * Only for a thread with 2 KiB of stack a character of `text` (see workerStackMb).
 *
 * @example
 * importSkeleton('a.ts', "import { A } from './a';\nconst x = A; // x\n")
 * // { imports: "import { A } from './a';\n             // x\n", rest: "                        \nconst x = A; // x\n" }
 */
export function importSkeleton(fileName: string, text: string, needles: readonly string[] = []): ImportSkeleton | undefined {
  const oxc = oxcParser();
  if (!oxc) return undefined;
  try {
    return skeletonOf(text, oxc.parseSync(fileName, text, optionsFor(fileName)), needles);
  } catch {
    return undefined;
  }
}

/** A file for the skeleton worker. */
export interface SkeletonRequest {
  id: number;
  fileName: string;
  text: string;
}

/** Its answer (null: no skeleton, the file is parsed whole). */
export interface SkeletonReply {
  id: number;
  skeleton: ImportSkeleton | null;
}

const workerFile = ownModuleFile('languages/typescript/skeleton-worker.js');

/**
 * oxc's parser recurses on nesting and a native stack overflow kills the process, so the worker gets a stack of its
 * own (reserved, not used until needed) and only texts it holds at 2 KiB of stack per character: the deepest nesting
 * per character measured (tuple types, `[[[T]]]`) takes 504 bytes, parentheses 276. Longer files are parsed whole.
 */
const workerStackMb = 256;
export const maxSkeletonChars = (workerStackMb * 1024 * 1024) / 2048;

/** The worker, the port it answers on, and how many files it has answered (it counts up, and wakes a waiting thread). */
interface SkeletonWorker {
  thread: Worker;
  replies: MessagePort;
  answered: Int32Array;
}

/**
 * The skeletons of the files the prefilter keeps, made by a worker thread while this one scans and plans: oxc's
 * parse, and the reading of its answer (most of its cost from Node), then happen on the other core. The rewrite takes
 * a file's skeleton when it plans the file (waiting for it if need be: it is seldom behind). The worker starts with
 * the first file, once the plan allows it (`allow`), only on the main thread and where its compiled module exists (not
 * under ts-jest).
 */
export class SkeletonQueue {
  /** undefined: not started yet (nor allowed, until `allow`); null: none (not allowed, or it could not start) */
  private worker: SkeletonWorker | undefined | null = null;
  /** the thread, once started: stopped with the plan even after it was given up */
  private started: Worker | undefined;
  private readonly sent = new Map<string, { id: number; text: string }>();
  private readonly arrived = new Map<number, ImportSkeleton | null>();
  private ids = 0;

  constructor(private readonly needles: readonly string[]) {}

  start(fileName: string, text: string): void {
    if (text.length > maxSkeletonChars) return;
    const worker = this.workerOrNull();
    if (!worker) return;
    const id = ++this.ids;
    this.sent.set(fileName, { id, text });
    worker.thread.postMessage({ id, fileName, text } satisfies SkeletonRequest);
  }

  /**
   * The skeleton the worker made of this very text of the file, or undefined (none). A file sent is waited for, so that
   * a plan never depends on how fast the worker was (a file nested too deeply for the compiler is planned from its
   * skeleton or not at all); a worker silent for a second is given up, and the files after it are parsed whole.
   */
  take(fileName: string, text: string): ImportSkeleton | undefined {
    const sent = this.sent.get(fileName);
    const worker = this.worker;
    if (!sent || !worker) return undefined;
    // the replies are read here, not by the event loop: a plan may run many files between two of its turns
    for (;;) {
      const answered = Atomics.load(worker.answered, 0);
      for (let reply = receiveMessageOnPort(worker.replies); reply; reply = receiveMessageOnPort(worker.replies)) {
        const { id, skeleton } = reply.message as SkeletonReply;
        this.arrived.set(id, skeleton);
      }
      if (this.arrived.has(sent.id)) break;
      if (Atomics.wait(worker.answered, 0, answered, 1000) === 'timed-out') {
        this.worker = null;
        return undefined;
      }
    }
    this.sent.delete(fileName);
    const skeleton = this.arrived.get(sent.id);
    this.arrived.delete(sent.id);
    return sent.text === text && skeleton ? skeleton : undefined;
  }

  /** The plan allows the worker (see `LanguageAdapter.useHelperThread`); the function returned stops it. */
  allow(): () => Promise<void> {
    if (this.worker === null) this.worker = undefined;
    return async () => {
      this.worker = null;
      await this.started?.terminate();
    };
  }

  private workerOrNull(): SkeletonWorker | null {
    if (this.worker === undefined) {
      this.worker = null;
      if (isMainThread && oxcAvailable() && existsSync(workerFile)) {
        const { port1, port2 } = new MessageChannel();
        const answered = new Int32Array(new SharedArrayBuffer(4));
        let thread: Worker;
        try {
          thread = new Worker(workerFile, { workerData: { replies: port2, needles: this.needles, answered: answered.buffer }, transferList: [port2], resourceLimits: { stackSizeMb: workerStackMb } });
        } catch {
          return null; // no thread to be had (a limit on memory or threads): every file is parsed whole
        }
        thread.on('error', () => (this.worker = null));
        // never what keeps the process alive (after the listener, which refs it again)
        thread.unref();
        port1.unref();
        this.worker = { thread, replies: port1, answered };
        this.started = thread;
      }
    }
    return this.worker;
  }
}

type ParseResult = ReturnType<OxcBinding['parseSync']>;

function optionsFor(fileName: string) {
  return { lang: langOf(fileName), sourceType: 'module' as const };
}

function skeletonOf(text: string, parsed: ParseResult, needles: readonly string[]): ImportSkeleton | undefined {
  // read, so that the binding lets it go (see OxcBinding)
  const program = parsed.program;
  if (parsed.errors.length > 0) return undefined;
  const { staticImports, staticExports } = parsed.module;
  // an `export { A }` of an imported A is an entry with the import's module and the import statement's range: once
  const starts = new Set(staticImports.map((statement) => statement.start));
  const reexports = staticExports.filter((statement) => !starts.has(statement.start) && text.startsWith('export', statement.start) && statement.entries.some((entry) => entry.moduleRequest));
  const statements: Range[] = [...staticImports, ...reexports].sort((a, b) => a.start - b.start);
  const skeleton = layOut(text, statements, parsed.comments);
  if (!skeleton || !mentionsAny(skeleton.rest, needles)) return skeleton;
  // the other top-level statements that name a needle stay too (a `jest.mock`, an `import()` of an old module): only
  // the statements that cannot hold an edit are left out
  const kept = new Set(statements.map((statement) => statement.start));
  const body = (JSON.parse(program) as { node: { body: Range[] } }).node.body;
  const named = body.filter((statement) => !kept.has(statement.start) && mentionsAny(text.slice(statement.start, statement.end), needles));
  return layOut(text, [...statements, ...named].sort((a, b) => a.start - b.start), parsed.comments);
}

interface Range {
  start: number;
  end: number;
}

/** The two texts, `statements` (in order, apart) and the comments kept in the skeleton and blanked in the rest. */
function layOut(text: string, statements: readonly Range[], comments: readonly Range[]): ImportSkeleton | undefined {
  let imports = '';
  let rest = '';
  let at = 0;
  let comment = 0;
  for (const statement of statements) {
    if (statement.start < at) return undefined;
    // the comments before the statement stay in the skeleton; those inside it come with it
    for (; comment < comments.length && comments[comment]!.end <= statement.start; comment++) {
      const { start, end } = comments[comment]!;
      if (start < at) continue;
      imports += blank(text.slice(at, start)) + text.slice(start, end);
      rest += text.slice(at, end);
      at = end;
    }
    while (comment < comments.length && comments[comment]!.start < statement.end) comment++;
    imports += blank(text.slice(at, statement.start)) + text.slice(statement.start, statement.end);
    rest += text.slice(at, statement.start) + blank(text.slice(statement.start, statement.end));
    at = statement.end;
  }
  for (; comment < comments.length; comment++) {
    const { start, end } = comments[comment]!;
    if (start < at) continue;
    imports += blank(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  imports += blank(text.slice(at));
  rest += text.slice(rest.length);
  return { imports, rest };
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** The same number of UTF-16 units, every one a space but the line breaks. */
function blank(text: string): string {
  if (!/[\r\n\u2028\u2029]/.test(text)) return ' '.repeat(text.length);
  let out = '';
  let at = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    out += ' '.repeat(match.index - at) + match[0];
    at = match.index + match[0].length;
  }
  return out + ' '.repeat(text.length - at);
}

/** The grammar the compiler gives the file (scriptKindOf): JavaScript files may hold JSX. */
function langOf(fileName: string): 'js' | 'jsx' | 'ts' | 'tsx' | 'dts' {
  if (/\.d\.[cm]?ts$/.test(fileName)) return 'dts';
  if (fileName.endsWith('.tsx')) return 'tsx';
  if (/\.[cm]?jsx?$/.test(fileName)) return 'jsx';
  return 'ts';
}

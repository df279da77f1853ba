import { escapeRegExp } from '../../core/regexp';
import type { ImportMap } from '../../importmap/types';
import type { Edit, EntryStats } from '../../core/types';
import type { Node } from './syntax';
import { argumentOf, plainStringContent } from './syntax';

/** Whether an old module defines a name (true when that cannot be known): `"models.booking.Bookingx"` names nothing. */
export type NameCheck = (module: string, name: string) => Promise<boolean>;

const dottedPath = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/;

interface StringSink {
  edit(start: number, end: number, text: string): void;
  count(label: string, key: keyof EntryStats): void;
  review(node: Node, reason: string, unsure?: boolean | 'prose'): void;
  readonly edits: Edit[];
}

/**
 * The new spelling of a dotted path that names an old module or one of its moved names exactly
 * (`models.booking`, `models.booking.Booking`, `models.booking.Booking.save`), or undefined.
 */
export async function rewriteDottedPath(path: string, map: ImportMap, defines: NameCheck): Promise<{ text: string; label: string } | undefined> {
  if (!dottedPath.test(path)) return undefined;
  const parts = path.split('.');
  for (let i = parts.length; i >= 1; i--) {
    const module = parts.slice(0, i).join('.');
    const rest = parts.slice(i);
    if (rest.length) {
      const named = map.moveOfName(module, rest[0]!);
      if (named && (map.hasNameMoves(module) || map.moveOfModule(module)) && (await defines(module, rest[0]!)) && (await defines(named.module, named.name))) {
        return { text: [named.module, named.name, ...rest.slice(1)].join('.'), label: named.rule.label };
      }
    }
    const whole = map.moveOfModule(module);
    // the longest old module decides: its name after it must be one it defines, or nothing is rewritten
    if (whole && !rest.length) return { text: whole.module, label: whole.rule.label };
    if (whole || map.hasNameMoves(module)) return undefined;
  }
  return undefined;
}

/** `mock.patch("models.booking.Booking")`, `relationship("models.booking.Booking")`, `"models.booking"`: exact matches only. */
/** `"pkg.module:attr"` (uvicorn, celery, entry points): the module part follows its move, the attribute a name move. */
async function rewriteModuleAttr(text: string, map: ImportMap): Promise<{ text: string; label: string } | undefined> {
  const match = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*):([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)*)$/.exec(text);
  if (!match) return undefined;
  const [, module, attr, rest] = match as unknown as [string, string, string, string];
  const named = map.moveOfName(module, attr);
  if (named && map.hasNameMoves(module)) return { text: `${named.module}:${named.name}${rest}`, label: named.rule.label };
  const whole = map.moveOfModule(module);
  if (whole) return { text: `${whole.module}:${whole.rule.rename.get(attr) ?? attr}${rest}`, label: whole.rule.label };
  return undefined;
}

/**
 * The string literals whose text spells a match of `mention`, in document order: each match's innermost string (a
 * string inside an f-string's interpolation is its own), found from the match's offset instead of walking every
 * string of the file. What lies between a formatted string's parts (`f"models.{kind}booking"`) is not text it spells.
 */
function stringsSpelling(root: Node, mention: RegExp): Node[] {
  const found = new Map<number, Node>();
  for (const match of root.text.matchAll(new RegExp(mention.source, 'g'))) {
    for (let node: Node | null = root.descendantForIndex(match.index); node; node = node.parent) {
      if (node.type !== 'string') continue;
      found.set(node.startIndex, node);
      break;
    }
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex);
}

const loggerCall = /(?:^|\.)(?:getLogger|get_logger|getChild)$/;

/** A logger's name looks like a module path but names a logger: `logging.getLogger("models.booking")`. */
function isLoggerName(string: Node): boolean {
  return loggerCall.test(argumentOf(string)?.callee ?? '');
}

/** The module name a call loads: `importlib.import_module("models.booking")`, `__import__("models.booking")`. */
function isModuleLoad(string: Node): boolean {
  const at = argumentOf(string);
  return at !== undefined && at.position === 0 && !at.keyword && /^(importlib\.)?import_module$|^__import__$/.test(at.callee);
}


/**
 * `mock.patch("models.booking.Booking")`, `relationship("models.booking.Booking")`, `"models.booking"`,
 * `"models.booking:create_app"`: exact matches are rewritten. Logger names and old paths inside prose (docstrings,
 * messages) are listed under needs review instead: their meaning is not an import.
 */
export async function rewriteDottedStrings(root: Node, map: ImportMap, defines: NameCheck, sink: StringSink): Promise<void> {
  const olds = map.oldModules();
  // not inside a longer name, but right after an escape (`"\nmodels.booking"`)
  const mention = olds.length ? new RegExp(`(?<!(?<!\\\\)[\\w.])(?:${olds.map(escapeRegExp).join('|')})(?:\\.\\w+)*(?![\\w])`) : undefined;
  // every string this rewrites or lists starts with, or holds, an old module's full name: a file that never spells one
  // (its imports relative, or by a parent package) has nothing here, and its strings are not walked
  if (!mention?.test(root.text)) return;
  for (const string of stringsSpelling(root, mention)) {
    const content = plainStringContent(string);
    if (!content) {
      // the string's own text only: a string inside an interpolation (`f"{import_module('a.b')}"`) is visited, and
      // rewritten, on its own
      const literal = string.children.filter((part) => part?.type !== 'interpolation').map((part) => part?.text ?? '').join('');
      if (!isFormatted(string)) {
        // escapes or bytes: text, never rewritten (`"see models.booking\n"`); an escape ends a word (`"\nmodels.booking"`)
        await reviewProse(string, literal.replace(/\\./g, '  '), mention, map, defines, sink);
        continue;
      }
      // what the string spells around its interpolations (each one a \u0001): a mention is listed when it names something
      // that moves, or when an interpolation completes it (`f"models.social.{name}"`), not when it is a word of prose
      const shaped = string.children.map((part) => (part?.type === 'interpolation' ? '\u0001' : (part?.text ?? ''))).join('');
      for (const found of shaped.matchAll(new RegExp(mention.source, 'g'))) {
        const completed = shaped.startsWith('.\u0001', found.index + found[0].length);
        if (!completed && !(await rewriteDottedPath(found[0], map, defines))) continue;
        sink.review(string, `'${found[0]}' inside a formatted string is not rewritten`, true);
        break;
      }
      continue;
    }
    // a string annotation whose chains the rewrite of uses followed already
    if (sink.edits.some((edit) => edit.start < content.node.endIndex && edit.end > content.node.startIndex)) continue;
    const rewritten = (await rewriteDottedPath(content.text, map, defines)) ?? (await rewriteModuleAttr(content.text, map));
    if (rewritten && rewritten.text !== content.text) {
      if (isLoggerName(string)) {
        sink.review(string, `logger name "${content.text}" looks like a moved module; left as it is`, 'prose');
        continue;
      }
      const renamed = isModuleLoad(string) ? map.moveOfModule(content.text)?.rule.rename : undefined;
      if (renamed?.size) {
        // the module object's attributes would change under the code that uses them
        const names = [...renamed].map(([from, to]) => `${from} -> ${to}`).join(', ');
        sink.review(string, `"${content.text}" is loaded by name and its names are renamed (${names}): the loaded module's attributes change; rewrite by hand`);
        continue;
      }
      sink.edit(content.node.startIndex, content.node.endIndex, rewritten.text);
      sink.count(rewritten.label, 'strings');
      continue;
    }
    if (rewritten) continue;
    const prose = isDocstring(string) ? await rewriteSphinxReferences(content, map, defines, sink) : content.text;
    await reviewProse(string, prose, mention, map, defines, sink);
  }
}

/**
 * A Sphinx cross-reference: a Python-domain role (`:class:`, `:py:meth:`, …) or the default role (single backquotes),
 * its target bare (`~a.b.C`) or after an explicit title (`title <a.b.C>`). Not a literal (double backquotes), nor a
 * hyperlink reference (a trailing `_`).
 */
const sphinxReference = /(?::(?:py:)?(?:class|func|meth|attr|mod|obj|exc|data|const|type|any):)?(?<!`)`(?:[^`<>\n]*<([~!]?)([A-Za-z_][\w.]*)>|([~!]?)([A-Za-z_][\w.]*))`(?![`_])/g;

/**
 * The Sphinx cross-references of a docstring that name an old module or a moved name: their targets follow the move
 * (`:class:`~models.booking.Booking`` -> `:class:`~db.models.core.Booking``), as an IDE's move refactoring updates
 * them, so that the documentation keeps linking to the documented class. Returns the text with those targets blanked,
 * for the prose check of what remains.
 */
async function rewriteSphinxReferences(content: { node: Node; text: string }, map: ImportMap, defines: NameCheck, sink: StringSink): Promise<string> {
  let rest = content.text;
  for (const match of content.text.matchAll(sphinxReference)) {
    const target = match[2] ?? match[4]!;
    const rewritten = await rewriteDottedPath(target, map, defines);
    if (!rewritten || rewritten.text === target) continue;
    const start = match.index + match[0].lastIndexOf(target, match[0].length - 1);
    sink.edit(content.node.startIndex + start, content.node.startIndex + start + target.length, rewritten.text);
    sink.count(rewritten.label, 'strings');
    rest = rest.slice(0, start) + ' '.repeat(target.length) + rest.slice(start + target.length);
  }
  return rest;
}

/** A module's, class's or function's docstring: a string that is its body's first statement. */
function isDocstring(string: Node): boolean {
  const statement = string.parent;
  if (statement?.type !== 'expression_statement' || statement.namedChildCount !== 1) return false;
  const body = statement.parent;
  if (body?.type !== 'module' && body?.type !== 'block') return false;
  if (body.type === 'block' && !/^(function_definition|class_definition)$/.test(body.parent?.type ?? '')) return false;
  for (let previous = statement.previousNamedSibling; previous; previous = previous.previousNamedSibling) if (previous.type !== 'comment') return false;
  return true;
}

/** An f-string (or t-string): its text around the interpolations is a template, not prose. */
function isFormatted(string: Node): boolean {
  const start = string.namedChildren[0];
  return start?.type === 'string_start' && /[fFtT]/.test(start.text);
}

/** Prose that mentions a path the map rewrites (the first such, past those it leaves alone) is listed, not rewritten. */
async function reviewProse(string: Node, text: string, mention: RegExp, map: ImportMap, defines: NameCheck, sink: StringSink): Promise<void> {
  for (const found of text.matchAll(new RegExp(mention.source, 'g'))) {
    if (!(await rewriteDottedPath(found[0], map, defines))) continue;
    sink.review(string, `'${found[0]}' mentioned in text (a docstring or message) is not rewritten`, 'prose');
    return;
  }
}

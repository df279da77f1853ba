import type { ImportMap } from '../../importmap/types';
import type { Edit, EntryStats } from '../../plan/types';
import type { Node } from './parser';
import { plainStringContent } from './rewrite';

/** Whether an old module defines a name (true when that cannot be known): `"models.booking.Bookingx"` names nothing. */
export type NameCheck = (module: string, name: string) => Promise<boolean>;

const dottedPath = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/;

interface StringSink {
  edit(start: number, end: number, text: string): void;
  count(label: string, key: keyof EntryStats): void;
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
      if (named && (map.hasNameMoves(module) || map.moveOfModule(module)) && (await defines(module, rest[0]!))) {
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
export async function rewriteDottedStrings(root: Node, map: ImportMap, defines: NameCheck, sink: StringSink): Promise<void> {
  for (const string of root.descendantsOfType('string')) {
    if (!string) continue;
    const content = plainStringContent(string);
    if (!content) continue;
    const rewritten = await rewriteDottedPath(content.text, map, defines);
    if (!rewritten || rewritten.text === content.text) continue;
    sink.edit(content.node.startIndex, content.node.endIndex, rewritten.text);
    sink.count(rewritten.label, 'strings');
  }
}

import type { RewriteRule } from '../../importmap/types';
import type { LoadedMap } from '../../plan/session';

/** One entry a guard forbids: what the user wrote (not what remodel derived), with the map it came from. */
export interface Forbidden {
  map: LoadedMap;
  rule: RewriteRule;
}

/** A moved name as its canonical module spells it: `Client` or `Client (now Customer)`. */
const spelled = (rule: RewriteRule, name: string): string => (rule.rename.has(name) ? `${name} (now ${rule.rename.get(name)})` : name);

/** What a guard says of an entry, or of one name of a name-level entry (`only`). */
export function messageOf(rule: RewriteRule, only?: string): string {
  if (rule.names) return `${(only ? [only] : [...rule.names]).map((name) => spelled(rule, name)).join(', ')} moved from ${rule.from} to ${rule.to}: import from there (remodel)`;
  const renamed = [...rule.rename.keys()].map((name) => spelled(rule, name));
  return `${rule.from} moved to ${rule.to}${renamed.length ? `, renamed: ${renamed.join(', ')}` : ''}: import from there (remodel)`;
}

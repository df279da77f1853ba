import type { RewriteRule } from '../../importmap/types';
import type { LoadedMap } from '../../plan/session';

/** One entry a guard forbids: what the user wrote (not what remodel derived), with the map it came from. */
export interface Forbidden {
  map: LoadedMap;
  rule: RewriteRule;
}

export const messageOf = (rule: RewriteRule): string =>
  rule.names ? `${[...rule.names].join(', ')} moved from ${rule.from} to ${rule.to}: import from there (remodel)` : `${rule.from} moved to ${rule.to}: import from there (remodel)`;

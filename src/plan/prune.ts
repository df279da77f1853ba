import { posix } from 'node:path';
import { shimMarkerText } from '../core/shims';
import { textOrUndefined } from '../core/read-text';
import { normalisePath } from '../core/paths';
import type { NeedsReview, Note } from '../core/types';
import type { DiskWorkspace } from '../workspace/workspace';
import type { LoadedMap } from './session';
import type { Plan } from './types';

/** What prune decided: files deleted, shim sections cut out, and why what stays stays. */
export interface PrunePlan {
  removed: string[];
  edited: Array<{ path: string; text: string }>;
  notes: Note[];
  needsReview: NeedsReview[];
}

/**
 * The end of a deprecation: every shim nothing in the repository uses any more goes (its file, its package, or only
 * its shim section), and so does every file a `relocate` entry put away that nothing imports or names. `usage` is the
 * rewrite plan of the same maps: a file it would still rewrite for a shim's module still uses that shim.
 */
export async function planPrune(loaded: readonly LoadedMap[], workspace: DiskWorkspace, usage: Plan): Promise<PrunePlan> {
  const plan: PrunePlan = { removed: [], edited: [], notes: [], needsReview: [] };
  const gone = new Set<string>();
  for (const { map, adapter, prepared } of loaded) {
    for (const shim of map.shims) {
      const file = adapter.moduleFile?.(prepared, shim.module);
      const text = file === undefined ? undefined : textOrUndefined(workspace, file);
      if (file === undefined || text === undefined || !text.includes(shimMarkerText) || !adapter.pruneShim) continue;
      const labels = new Set(map.rules.filter((rule) => rule.from === shim.module).map((rule) => rule.label));
      const users = [
        ...usage.changes.filter((change) => change.rewrite?.entries.some((label) => labels.has(label))).map((change) => change.path),
        ...usage.needsReview.filter((item) => !item.prose && item.file !== file && item.reason.includes(shim.module)).map((item) => `${item.file}:${item.line}`),
      ];
      if (users.length) {
        plan.notes.push({ file, line: 1, message: `kept: the shim for ${shim.module} is still used by ${[...new Set(users)].join(', ')}` });
        continue;
      }
      const action = adapter.pruneShim(text);
      if (action.kind === 'keep') plan.needsReview.push({ file, line: 1, reason: `the shim for ${shim.module} is used by nothing, but ${action.why}` });
      else if (action.kind === 'edit') plan.edited.push({ path: file, text: action.text });
      else {
        const folder = file.slice(0, file.lastIndexOf('/'));
        const files = action.kind === 'delete' ? [file] : workspace.files.filter((candidate) => candidate.startsWith(`${folder}/`) && adapter.owns(candidate));
        for (const path of files) gone.add(path);
      }
    }
  }
  // what `relocate` put away (a DEPRECATED copy): gone once nothing imports or names it
  for (const { map, adapter, prepared } of loaded) {
    if (!adapter.importersOf) continue;
    for (const entry of map.relocate) {
      const to = normalisePath(entry.to);
      const files = workspace.files.filter((file) => (file === to || file.startsWith(`${to}/`)) && adapter.owns(file) && workspace.exists(file));
      for (const file of files) {
        const users = (await adapter.importersOf(prepared, workspace, file)).filter((user) => !gone.has(user) && !files.includes(user));
        if (users.length) plan.notes.push({ file, line: 1, message: `kept: relocated here and still imported by ${users.join(', ')}` });
        else gone.add(file);
      }
    }
  }
  // the empty `__init__.py` a relocation made for its destination package goes with the last file the package held
  for (const { map, adapter, prepared } of loaded) {
    if (!adapter.packageMarker || !adapter.importersOf) continue;
    for (const entry of map.relocate) {
      const to = normalisePath(entry.to);
      for (let dir = workspace.files.includes(to) ? posix.dirname(to) : to; dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
        const marker = `${dir}/${adapter.packageMarker}`;
        const left = workspace.files.filter((file) => file.startsWith(`${dir}/`) && !gone.has(file) && workspace.exists(file));
        if (left.length !== 1 || left[0] !== marker || textOrUndefined(workspace, marker)?.trim() !== '') break;
        if ((await adapter.importersOf(prepared, workspace, marker)).some((user) => !gone.has(user))) break;
        gone.add(marker);
      }
    }
  }
  plan.removed = [...gone].sort();
  return plan;
}

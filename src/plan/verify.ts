import { comparePaths } from '../core/paths';
import { textOrUndefined } from '../core/read-text';
import { findImportMaps } from '../importmap';
import type { PlannedTrees, TreeView, VerifyProblem } from '../languages/types';
import { discoverFiles } from '../workspace/discover';
import { openSession } from './session';
import type { Plan } from './types';

export type VerifyMode = PlannedTrees['mode'];

/**
 * `--verify`: what the plan would break, found before anything is written — each language compares the tree as it
 * stands with the tree as the plan leaves it (in memory) and reports only what is new. An empty list: verified.
 */
export async function verifyPlan(plan: Plan, { maps, mode = 'static' }: { maps?: readonly string[]; mode?: VerifyMode } = {}): Promise<VerifyProblem[]> {
  if (!plan.changes.length) return [];
  const session = await openSession(plan.cwd, findImportMaps(plan.cwd, maps), discoverFiles(plan.cwd));
  const before: TreeView = { files: session.workspace.files, read: (file) => textOrUndefined(session.workspace, file) };
  const written = new Map<string, string | null>();
  const movedFrom = new Map<string, string>();
  for (const change of plan.changes) {
    if (change.movedFrom) {
      movedFrom.set(change.path, change.movedFrom);
      if (!written.has(change.movedFrom)) written.set(change.movedFrom, null);
    }
    written.set(change.path, change.after);
  }
  const after: TreeView = {
    files: [...new Set([...session.workspace.files, ...written.keys()])].filter((file) => written.get(file) !== null).sort(),
    read: (file) => (written.has(file) ? (written.get(file) ?? undefined) : before.read(file)),
  };
  const trees: PlannedTrees = { cwd: plan.cwd, before, after, changed: [...written.keys()], movedFrom, mode };
  const problems: VerifyProblem[] = [];
  for (const { adapter, prepared } of session.loaded) if (adapter.verify) problems.push(...(await adapter.verify(prepared, trees)));
  return dedupe(problems);
}

/** Two maps of one language judge the same files: one report per problem. */
function dedupe(problems: readonly VerifyProblem[]): VerifyProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}:${problem.line}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => comparePaths(a.file, b.file) || a.line - b.line);
}

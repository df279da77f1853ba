/**
 * remodel's programmatic API: no console, no process exit.
 *
 * @example
 * const plan = await remodel.plan({ cwd: 'apps/backend', maps: ['import-maps/seed.yaml'] });
 * process.stdout.write(remodel.renderPatch(plan.changes));
 * remodel.apply(plan);
 */
import { applyPlan, type ApplyResult } from './apply/apply';
import { buildPlan, type PlanOptions } from './plan/build';
import type { Plan } from './plan/types';

export type { PlanOptions, TransformName } from './plan/build';
export type { Plan, FileChange, FileResult, Edit, NeedsReview, Note } from './plan/types';
export type { ApplyResult } from './apply/apply';
export { RemodelError, ImportMapError, UsageError, ParseError, WorkspaceError } from './errors';
export { renderPatch } from './render/patch';
export { renderJsonReport, renderSummary, renderStat } from './render/report';
export { audit, renderAuditMarkdown, renderAuditJson, draftImportMap, draftImportMaps } from './audit';
export type { AuditOptions, AuditReport } from './audit';

/**
 * Computes every edit the import maps imply, without touching disk.
 * @example const p = await plan({ cwd: '.', maps: ['import-maps/seed.yaml'] }); p.changes.length
 */
export function plan(options: PlanOptions = {}): Promise<Plan> {
  return buildPlan(options);
}

/**
 * Writes a plan: atomically, modes kept, refusing files that changed since it was computed.
 * @example apply(await plan({ cwd: '.' }))
 */
export function apply(computed: Plan): ApplyResult {
  return applyPlan(computed);
}

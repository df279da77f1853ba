/**
 * remodel's programmatic API: no console, no process exit.
 *
 * @example
 * const plan = await remodel.plan({ cwd: 'apps/backend', maps: ['import-maps/seed.yaml'] });
 * process.stdout.write(remodel.renderPatch(plan.changes));
 * remodel.apply(plan);
 */
import { resolve } from 'node:path';
import { applyPlan, applyPlanInterruptible, finishInterruptedApply, type ApplyResult } from './apply/apply';
import { hasJournal } from './apply/journal';
import { planFromSavedPatch } from './apply/saved-patch';
import { buildPlan, type PlanOptions } from './plan/build';
import type { Plan } from './plan/types';

export type { PlanOptions, TransformName } from './plan/build';
export type { Plan, FileChange } from './plan/types';
export type { Edit, FileResult, NeedsReview, Note, SourceFile, Workspace } from './core/types';
export type { ApplyResult } from './apply/apply';
export type { ImportMap } from './importmap/types';
export type { LanguageAdapter, PreparedMap } from './languages/types';
export type { TypeScriptPreparedMap } from './languages/typescript/prepared-map';
export { RemodelError, ImportMapError, UsageError, ParseError, WorkspaceError } from './core/errors';
// one file at a time, as the jscodeshift transforms use it: read a map, get its adapter (loaded lazily), prefilter, plan, splice
export { applyEdits } from './core/edits';
export { readImportMap } from './importmap';
export { mayNeedEdit } from './languages/needles';
export { getAdapter } from './languages/registry';
export { renderDriftJson, renderDriftMarkdown } from './render/drift';
export { renderLintConfig as lintConfig, lintFormats, type LintFormat } from './render/lint-config';
export { renderPlanMarkdown } from './render/plan-markdown';
export { checkFindings, checkFormats, renderCheck, type CheckFinding, type CheckFormat } from './render/check';
export type { DriftReport } from './schema/drift';
export type { DriftFinding, DriftKind } from './schema/compare';
export { findDrift as drift } from './schema/drift';
export { renderFilePatch, renderFilePatchBytes, renderPatch, renderPatchBytes } from './render/patch';
export { renderJsonReport, renderSummary, renderStat } from './render/report';
export type { AuditOptions, AuditReport } from './audit';
import type * as AuditModule from './audit';

// the audit loads every ORM scanner (and the TypeScript compiler): only when it is asked for
const auditModule = (): typeof AuditModule => require('./audit') as typeof AuditModule;

/**
 * Audits the ORM models under a directory: duplicates, collisions, dangling references, orphans.
 * @example const report = await audit({ dir: 'apps/backend', prefer: ['db/models/**'] });
 */
export const audit: typeof AuditModule.audit = (options) => auditModule().audit(options);
/** The audit as a pull-request-shaped Markdown report. */
export const renderAuditMarkdown: typeof AuditModule.renderAuditMarkdown = (report) => auditModule().renderAuditMarkdown(report);
/** The audit as JSON for machines. */
export const renderAuditJson: typeof AuditModule.renderAuditJson = (report) => auditModule().renderAuditJson(report);
/** A draft import map (YAML, commented) from an audit. */
export const draftImportMap: typeof AuditModule.draftImportMap = (report, prefer) => auditModule().draftImportMap(report, prefer);
export type { Inventory, InventoryModel } from './audit';
/** `audit --inventory`: every model with its table, fields, relations and their direction, hooks, soft-delete and tenant columns. */
export const inventory: typeof AuditModule.inventory = (dir) => auditModule().inventory(dir);
export const renderInventoryMarkdown: typeof AuditModule.renderInventoryMarkdown = (report) => auditModule().renderInventoryMarkdown(report);
export const renderInventoryJson: typeof AuditModule.renderInventoryJson = (report) => auditModule().renderInventoryJson(report);

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

export { finishInterruptedApply };

/** True when an `apply` was killed part-way in this repository and the next `apply` has yet to finish it. */
export function hasInterruptedApply(cwd: string): boolean {
  return hasJournal(resolve(cwd));
}

/**
 * `apply` that stops at a file boundary when `signal` aborts (the CLI aborts on SIGINT and SIGTERM): an
 * InterruptedError says how far it got; every file is as it was or as planned.
 * @example const stop = new AbortController(); process.once('SIGINT', () => stop.abort('SIGINT')); await applyInterruptible(plan, stop.signal)
 */
export function applyInterruptible(computed: Plan, signal: AbortSignal): Promise<ApplyResult> {
  return applyPlanInterruptible(computed, signal);
}

/**
 * Applies a patch saved by `remodel plan` (`plan --out FILE`), only where every file it touches still holds the content
 * it was planned from; otherwise nothing is written and the error names each file that changed.
 * @example applySavedPatch('.', 'remodel.patch')
 */
export function applySavedPatch(cwd: string, patchFile: string): ApplyResult {
  return applyPlan(planFromSavedPatch(resolve(cwd), patchFile));
}
export { renderPlanHtml } from './render/plan-html';
export { verifyPlan, type VerifyMode } from './plan/verify';
export type { VerifyProblem } from './languages/types';

import { posix } from 'node:path';
import { UsageError } from '../../core/errors';
import { stringLiteral } from '../../core/literals';
import type { NeedsReview, Note, Workspace } from '../../core/types';
import { appLabelOf, djangoAppFolder } from '../../languages/python/django-apps';
import type { DjangoModelLeaving } from '../../languages/types';
import { migrationQuote, nextMigrationNumber } from '../migrations/django';
import { readDjangoModels } from './models';
import { findDjangoApps, readDjangoSettings, type DjangoApp } from './project';
import { replayDjangoState, type DjangoState } from './replay';
import { isManyToMany, isRelation, modelKey, relationKey, type DjangoField, type DjangoModel } from './types';

/** The migrations that move leaving models' state, and what the plan says about them. */
export interface DjangoStatePlan {
  created: Array<{ path: string; text: string }>;
  needsReview: NeedsReview[];
  notes: Note[];
}

/** A leaving model whose canonical twin the migrations create, on the same table. */
interface Movable {
  leaving: DjangoModelLeaving;
  old: DjangoModel;
  canonical: DjangoModel;
}

/** A relation of a model that stays, pointing at a leaving model: restated to point at its canonical twin. */
interface Retarget {
  model: DjangoModel;
  field: DjangoField;
  to: DjangoModel;
  /** a many-to-many onto a renamed model: its join table's column follows the name, a database change Django makes */
  database?: boolean;
}

/**
 * The migrations `makemigrations` would write once shims leave old Django apps without models their migrations created
 * — every relation to them retargeted (AlterField), then the models deleted (DeleteModel) — with each operation state
 * only (`SeparateDatabaseAndState`): the canonical model maps the same table, so the database stays as it is, and
 * `migrate` keeps every row where makemigrations' own migration would drop the table. Written only where each step is
 * sure: the canonical model is in the migrations' state on the same table, every relation to a leaving model names it
 * by a `to=` string, a leaving model's own many-to-many keeps its join table's column names, and neither is the user
 * model. Otherwise each model of that app keeps its review line, with the reason. (Another app's many-to-many onto a
 * renamed model is restated for real: Django renames its join table's column, named after the model.)
 */
export async function planDjangoStateMoves(workspace: Workspace, leaving: readonly DjangoModelLeaving[]): Promise<DjangoStatePlan> {
  const plan: DjangoStatePlan = { created: [], needsReview: [], notes: [] };
  if (!leaving.length) return plan;
  const apps = findDjangoApps(workspace);
  let state: DjangoState;
  const settings = readDjangoSettings(workspace, apps);
  try {
    const { customKinds } = await readDjangoModels(workspace, settings);
    state = await replayDjangoState(workspace, apps, customKinds);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    plan.needsReview.push(...leaving.map((l) => withReason(l, `remodel wrote no migration: ${error.message}`)));
    return plan;
  }
  const byLabel = new Map<string, DjangoModelLeaving[]>();
  for (const l of leaving) byLabel.set(l.label, [...(byLabel.get(l.label) ?? []), l]);
  const ctx: Planning = { workspace, apps, state, authUserModel: settings.authUserModel, numbers: new Map(), plan };
  for (const [label, group] of byLabel) planApp(ctx, label, group);
  return plan;
}

function withReason(leaving: DjangoModelLeaving, reason: string): NeedsReview {
  return { ...leaving.review, reason: `${leaving.review.reason} (${reason})` };
}

/** What planning one old app needs: the repository as planned, Django's state, and the plan it adds to. */
interface Planning {
  workspace: Workspace;
  apps: readonly DjangoApp[];
  state: DjangoState;
  authUserModel: string;
  /** the next migration number of each app written so far */
  numbers: Map<string, number>;
  plan: DjangoStatePlan;
}

function planApp(ctx: Planning, label: string, group: readonly DjangoModelLeaving[]): void {
  const { movable, retargets, problems } = classify(ctx, label, group);
  if (problems.size) {
    for (const l of group) if (ctx.state.models.has(modelKey(label, l.name))) ctx.plan.needsReview.push(withReason(l, problems.get(l) ?? `remodel wrote no migration: another model of ${label} cannot move`));
    return;
  }
  if (movable.length) writeMigrations(ctx, label, movable, retargets);
}

/** The leaving models whose state can move, the relations to restate, and why any cannot. */
function classify({ workspace, state, authUserModel }: Planning, label: string, group: readonly DjangoModelLeaving[]): { movable: Movable[]; retargets: Retarget[]; problems: Map<DjangoModelLeaving, string> } {
  const problems = new Map<DjangoModelLeaving, string>();
  const movable: Movable[] = [];
  const userModel = authUserModel.toLowerCase();
  for (const l of group) {
    const old = state.models.get(modelKey(label, l.name));
    // its state has moved already (a plan after apply)
    if (!old) continue;
    const folder = l.target.file === undefined ? undefined : djangoAppFolder(workspace, l.target.file);
    const canonicalLabel = folder === undefined ? undefined : appLabelOf(workspace, folder);
    const canonical = canonicalLabel === undefined ? undefined : state.models.get(modelKey(canonicalLabel, l.target.name));
    if (userModel === modelKey(label, l.name) || (canonicalLabel !== undefined && userModel === modelKey(canonicalLabel, l.target.name))) problems.set(l, `${label}.${l.name} is AUTH_USER_MODEL: Django does not support swapping the user model once migrations exist`);
    else if (canonicalLabel === undefined) problems.set(l, `${l.target.module} lies in no Django app with migrations`);
    else if (!canonical) problems.set(l, `no migration of ${canonicalLabel} creates ${l.target.name}: run makemigrations ${canonicalLabel} first`);
    else if (tableOf(old) !== tableOf(canonical)) problems.set(l, `${label}.${l.name} maps ${tableOf(old)}, ${canonicalLabel}.${canonical.name} maps ${tableOf(canonical)}: the rows must move before the old model goes`);
    else movable.push({ leaving: l, old, canonical });
  }
  const leavingKeys = new Map(movable.map((m) => [modelKey(m.old.app, m.old.name), m]));
  const retargets: Retarget[] = [];
  for (const model of state.models.values()) {
    if (leavingKeys.has(modelKey(model.app, model.name))) continue;
    if (model.parent && leavingKeys.has(model.parent)) problems.set(leavingKeys.get(model.parent)!.leaving, `${model.app}.${model.name} inherits from it`);
    for (const field of model.fields.values()) {
      const target = isRelation(field) && field.to !== undefined ? leavingKeys.get(relationKey(model, field.to)) : undefined;
      const through = field.through === undefined ? undefined : leavingKeys.get(relationKey(model, field.through));
      if (through) problems.set(through.leaving, `${model.app}.${model.name}.${field.name} goes through it`);
      if (!target) continue;
      if (field.declaration?.to === undefined) problems.set(target.leaving, `${model.app}.${model.name}.${field.name} names it without a to= string`);
      else retargets.push({ model, field, to: target.canonical, ...(isManyToMany(field) && field.through === undefined && renamed(target) ? { database: true } : {}) });
    }
  }
  // a leaving model's own many-to-many: the canonical model's join table names its columns after the new names
  for (const m of movable) {
    for (const field of m.old.fields.values()) {
      if (!isManyToMany(field) || field.through !== undefined) continue;
      const target = field.to === undefined ? undefined : leavingKeys.get(relationKey(m.old, field.to));
      if (renamed(m) || (target && renamed(target))) problems.set(m.leaving, `${label}.${m.old.name}.${field.name}: its join table's columns are named after the models, which the canonical ones rename`);
    }
  }
  return { movable, retargets, problems };
}

/** One migration per other app that holds a relation to restate, then the old app's: its own relations, the deletions. */
function writeMigrations(ctx: Planning, label: string, movable: readonly Movable[], retargets: readonly Retarget[]): void {
  const { workspace, apps, state, numbers, plan } = ctx;
  const { order, cuts } = deletionOrder(movable, new Map(movable.map((m) => [modelKey(m.old.app, m.old.name), m])));
  const canonicalLatest = [...new Set(order.map((m) => m.canonical.app))].map((app) => dependency(state, app));
  const written: Array<[string, string]> = [];
  const byApp = new Map<string, Retarget[]>();
  for (const r of retargets) if (r.model.app !== label) byApp.set(r.model.app, [...(byApp.get(r.model.app) ?? []), r]);
  const summary = describe(order);
  for (const [app, list] of [...byApp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const file = migrationFor(workspace, apps, app, numbers, order);
    const deps = uniquePairs([dependency(state, app), ...canonicalLatest.filter(([a]) => a !== app)]);
    plan.created.push({ path: file.path, text: migrationText(workspace, file.migrations, summary, deps, list.map((r) => alterField(r)), list) });
    written.push([app, file.name]);
  }
  const own = retargets.filter((r) => r.model.app === label);
  const file = migrationFor(workspace, apps, label, numbers, order);
  const deps = uniquePairs([dependency(state, label), ...written, ...canonicalLatest.filter(([a]) => a !== label)]);
  const operations = [...own.map((r) => alterField(r)), ...cuts.map((cut) => removeField(cut)), ...order.map((m) => deleteModel(m.old))];
  plan.created.push({ path: file.path, text: migrationText(workspace, file.migrations, summary, deps, operations, own) });
  for (const m of order) {
    // the table's owner so far goes: nothing migrates it from now on, unless the canonical model is managed
    const owner = m.old.managed && !m.canonical.managed ? `; ${m.canonical.app}.${m.canonical.name} is unmanaged (managed = False), so no migration changes its table from now on: remove that option and run makemigrations (no database change) to hand the table to Django` : '';
    plan.notes.push({ file: m.leaving.review.file, line: m.leaving.review.line, message: `${label}.${m.old.name} now is ${m.canonical.app}.${m.canonical.name} (same table): its migration state moves there, state only (${file.path}); migrate keeps the table and its rows${owner}` });
  }
}

const renamed = (m: Movable): boolean => m.old.name.toLowerCase() !== m.canonical.name.toLowerCase();

function tableOf(model: DjangoModel): string {
  return model.dbTable ?? `${model.app}_${model.name.toLowerCase()}`;
}

/** A leaving model's relation to another leaving model, removed (state only) before either goes: a cycle's cut. */
interface Cut {
  model: DjangoModel;
  field: string;
}

/**
 * A model pointing at another leaving model goes first. Where the rest point at each other in a cycle, the relations
 * to one of them are removed first (`RemoveField`, as the autodetector breaks a cycle), and the order goes on.
 */
function deletionOrder(movable: readonly Movable[], keys: ReadonlyMap<string, Movable>): { order: Movable[]; cuts: Cut[] } {
  const pointsAt = new Map(movable.map((m) => [m, new Map([...m.old.fields.values()].flatMap((field) => {
    const target = isRelation(field) && field.to !== undefined ? keys.get(relationKey(m.old, field.to)) : undefined;
    return target && target !== m ? [[field.name, target] as const] : [];
  }))]));
  const order: Movable[] = [];
  const cuts: Cut[] = [];
  const left = new Set(movable);
  while (left.size) {
    const pointedAt = (m: Movable): boolean => [...left].some((other) => [...pointsAt.get(other)!.values()].includes(m));
    const next = [...left].find((m) => !pointedAt(m)) ?? [...left][0]!;
    // in a cycle: the relations to it go first
    for (const m of left) {
      for (const [field, target] of [...pointsAt.get(m)!]) {
        if (m === next || target !== next) continue;
        cuts.push({ model: m.old, field });
        pointsAt.get(m)!.delete(field);
      }
    }
    order.push(next);
    left.delete(next);
  }
  return { order, cuts };
}

function describe(order: readonly Movable[]): string {
  const olds = order.map((m) => `${m.old.app}.${m.old.name}`);
  const news = order.map((m) => `${m.canonical.app}.${m.canonical.name}`);
  return order.length === 1 ? `${olds[0]} now is ${news[0]}` : `${olds.join(', ')} now are ${news.join(', ')}`;
}

function dependency(state: DjangoState, app: string): [string, string] {
  return [app, state.latest.get(app)!];
}

function uniquePairs(pairs: ReadonlyArray<[string, string]>): Array<[string, string]> {
  const seen = new Set<string>();
  return pairs.filter(([app, name]) => !seen.has(`${app}.${name}`) && seen.add(`${app}.${name}`));
}

/** The next migration of an app: its path, its name, and the app's migration files (their style). */
function migrationFor(workspace: Workspace, apps: readonly DjangoApp[], label: string, numbers: Map<string, number>, order: readonly Movable[]): { path: string; name: string; migrations: string[] } {
  const app = apps.find((a) => a.label === label)!;
  const number = numbers.get(label) ?? nextMigrationNumber(workspace, app.folder);
  numbers.set(label, number + 1);
  const canonical = [...new Set(order.map((m) => m.canonical.app))].join('_');
  const name = `${String(number).padStart(4, '0')}_state_to_${canonical}`;
  return { path: posix.join(app.folder, 'migrations', `${name}.py`), name, migrations: app.migrations };
}

interface Operation {
  lines: (quote: Quote) => string[];
  /** run on the database too (outside `SeparateDatabaseAndState`) */
  database?: boolean;
}
type Quote = '"' | "'";

/** Black's line length: migrations a project formats with black stay as black leaves them. */
const lineLimit = 88;
/** Where the operations' lines start in the migration: inside `SeparateDatabaseAndState(state_operations=[...])`, or not. */
const operationIndent = 16;
const databaseOperationIndent = 8;

function alterField({ model, field, to, database }: Retarget): Operation {
  const declaration = field.declaration!;
  const args = declaration.arguments.map((arg, i) => {
    if (i !== declaration.to) return arg;
    const quote: Quote = /=\s*"/.test(arg) ? '"' : "'";
    return `to=${stringLiteral(`${to.app}.${to.name.toLowerCase()}`, quote)}`;
  });
  return {
    ...(database ? { database } : {}),
    lines: (q) => ['migrations.AlterField(', `    model_name=${stringLiteral(model.name.toLowerCase(), q)},`, `    name=${stringLiteral(field.name, q)},`, ...callLines(database ? databaseOperationIndent : operationIndent, '    field=', declaration.callee, args, ','), '),'],
  };
}

/** A call laid out as black lays it out: on one line, else its arguments on one line of their own, else one per line. */
function callLines(base: number, prefix: string, callee: string, args: readonly string[], suffix: string): string[] {
  const indent = /^ */.exec(prefix)![0];
  const fits = (line: string): boolean => base + line.length <= lineLimit && !line.includes('\n');
  const flat = `${prefix}${callee}(${args.join(', ')})${suffix}`;
  if (fits(flat)) return [flat];
  const body = `${indent}    ${args.join(', ')}`;
  if (fits(body)) return [`${prefix}${callee}(`, body, `${indent})${suffix}`];
  return [`${prefix}${callee}(`, ...args.map((arg) => `${indent}    ${arg},`), `${indent})${suffix}`];
}

function removeField({ model, field }: Cut): Operation {
  return { lines: (q) => ['migrations.RemoveField(', `    model_name=${stringLiteral(model.name.toLowerCase(), q)},`, `    name=${stringLiteral(field, q)},`, '),'] };
}

function deleteModel(model: DjangoModel): Operation {
  return { lines: (q) => ['migrations.DeleteModel(', `    name=${stringLiteral(model.name, q)},`, '),'] };
}

function migrationText(workspace: Workspace, migrations: readonly string[], summary: string, dependencies: ReadonlyArray<[string, string]>, operations: readonly Operation[], retargets: readonly Retarget[]): string {
  const database = operations.filter((operation) => operation.database);
  const stateOnly = operations.filter((operation) => !operation.database);
  const quote = migrationQuote(workspace, migrations);
  const q = (text: string): string => stringLiteral(text, quote);
  // Django 3.2's writer leaves a blank line after the class statement; black removes it: the app's migrations tell which
  const blackened = migrations.some((file) => /^class Migration\(migrations\.Migration\):\r?\n[ \t]+\S/m.test(workspace.read(file)));
  const indented = (list: readonly Operation[], indent: number): string[] => list.flatMap((operation) => operation.lines(quote)).map((line) => `${' '.repeat(indent)}${line}`);
  return [
    // no date: plan and apply write the same file
    '# Generated by remodel',
    ...commentLines(`${summary}, on the same tables: Django's state follows them (state only); the database stays as it is${database.length ? ', but for the join table columns named after a renamed model' : ''}.`),
    '',
    ...importsFor(retargets),
    '',
    '',
    'class Migration(migrations.Migration):',
    ...(blackened ? [] : ['']),
    '    dependencies = [',
    ...dependencies.map(([app, name]) => `        (${q(app)}, ${q(name)}),`),
    '    ]',
    '',
    '    operations = [',
    ...indented(database, databaseOperationIndent),
    ...(stateOnly.length ? ['        migrations.SeparateDatabaseAndState(', '            state_operations=[', ...indented(stateOnly, operationIndent), '            ],', '        ),'] : []),
    '    ]',
    '',
  ].join('\n');
}

/**
 * `from django.db import migrations` (and `models` when a copied field call uses it), then each import of the
 * migrations the calls were copied from that binds a name they use, sorted as Django's migration writer sorts them.
 */
function importsFor(retargets: readonly Retarget[]): string[] {
  const texts = retargets.map((r) => [r.field.declaration!.callee, ...r.field.declaration!.arguments].join('\n')).join('\n');
  const uses = (name: string): boolean => new RegExp(`(?<![\\w.])${name}\\b`).test(texts);
  const fromDjangoDb = new Set(['migrations']);
  const others = new Set<string>();
  for (const statement of retargets.flatMap((r) => r.field.declaration!.imports)) {
    const flat = statement.replace(/[()\\\n]/g, ' ').replace(/\s+/g, ' ').trim();
    const from = /^from (\S+) import (.+)$/.exec(flat);
    const bound = from ? from[2]!.split(',').map((item) => item.trim().split(' as ').pop()!.trim()) : flat.slice('import '.length).split(',').map((item) => (item.includes(' as ') ? item.split(' as ').pop()! : item.split('.')[0]!).trim());
    if (from?.[1] === 'django.db') {
      for (const name of bound) if (name === 'models' && uses(name)) fromDjangoDb.add(name);
    } else if (bound.some(uses)) others.add(flat);
  }
  const all = [`from django.db import ${[...fromDjangoDb].sort().join(', ')}`, ...others];
  return all.sort((a, b) => (a.split(' ')[1]! < b.split(' ')[1]! ? -1 : a.split(' ')[1]! > b.split(' ')[1]! ? 1 : 0));
}

/** A comment's words over lines of at most the line limit. */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= lineLimit) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`# ${word}`);
  }
  return lines;
}

import type { NeedsReview, Workspace } from '../../core/types';
import { readDjangoModels } from './models';
import { findDjangoApps, readDjangoSettings } from './project';
import { isManyToMany, isRelation, modelKey, relationKey, reverseAccessorOf, type DjangoField, type DjangoModel } from './types';

/** A name a relation gives its target: the reverse accessor (`invoices`), or the name queries use (`invoice`). */
interface ReverseName {
  target: string;
  kind: 'accessor' | 'query name';
  name: string;
  /** `app.Model.field` of the relation that gives it */
  relation: string;
  file: string;
  line: number;
}

/** Whether the planned texts can change what a Django relation points at: a changed Django file that declares one. */
const declaresRelation = /\b(?:ForeignKey|OneToOneField|ManyToManyField)\b/;
const mayDeclareDjangoRelation = (text: string): boolean => declaresRelation.test(text) && /\bdjango\b/.test(text);

/**
 * Reverse accessors and query names that clash once the map applies: two relations that pointed at two copies of a
 * model (`legacy.Booking` and `core.Booking`, each with `related_name="invoices"`) point at one class, and Django's
 * system check stops every `manage.py` command (fields.E304/E305). Only the clashes the plan brings are listed, at the
 * relation the second name comes from.
 */
export async function reverseNameClashes(onDisk: Workspace, planned: Workspace, changed: readonly string[]): Promise<NeedsReview[]> {
  if (!changed.some((file) => file.endsWith('.py') && planned.exists(file) && mayDeclareDjangoRelation(planned.read(file)))) return [];
  const before = new Set((await clashesIn(onDisk)).map((c) => c.key));
  return (await clashesIn(planned)).filter((c) => !before.has(c.key)).map((c) => c.review);
}

async function clashesIn(workspace: Workspace): Promise<Array<{ key: string; review: NeedsReview }>> {
  const apps = findDjangoApps(workspace);
  const settings = readDjangoSettings(workspace, apps);
  const { models } = await readDjangoModels(workspace, settings);
  const byKey = new Map(models.map((model) => [modelKey(model.app, model.name), model]));
  const names = new Map<string, ReverseName[]>();
  for (const model of models) {
    if (model.abstract) continue;
    for (const field of model.fields.values()) {
      for (const reverse of reverseNamesOf(model, field, byKey)) names.set(`${reverse.target}\0${reverse.kind}\0${reverse.name}`, [...(names.get(`${reverse.target}\0${reverse.kind}\0${reverse.name}`) ?? []), reverse]);
    }
  }
  const out: Array<{ key: string; review: NeedsReview }> = [];
  for (const group of names.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group;
    for (const r of rest) {
      const code = r.kind === 'accessor' ? 'fields.E304' : 'fields.E305';
      out.push({
        key: `${r.target}\0${r.kind}\0${r.name}\0${[first!.relation, r.relation].sort().join('\0')}`,
        review: { file: r.file, line: r.line, reason: `${r.relation} and ${first!.relation} both give ${r.target} the reverse ${r.kind} '${r.name}' once the map applies: Django's system check stops every manage.py command (${code}); give one a related_name` },
      });
    }
  }
  return out;
}

/** What one relation names on its target: its reverse accessor and its query name (none for `related_name="+"`). */
function reverseNamesOf(model: DjangoModel, field: DjangoField, byKey: ReadonlyMap<string, DjangoModel>): ReverseName[] {
  if (!isRelation(field) || field.to === undefined || field.relatedName?.endsWith('+')) return [];
  const target = byKey.get(relationKey(model, field.to));
  // a symmetrical many-to-many to its own model has no reverse; a model outside the project is not known
  if (!target || (isManyToMany(field) && target === model)) return [];
  const where = { target: `${target.app}.${target.name}`, relation: `${model.app}.${model.name}.${field.name}`, file: field.origin.file, line: field.origin.line };
  return [
    { ...where, kind: 'accessor', name: reverseAccessorOf(model, field) },
    { ...where, kind: 'query name', name: field.relatedName ?? model.name.toLowerCase() },
  ];
}

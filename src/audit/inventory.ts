import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readDjangoModels } from '../schema/django/models';
import { findDjangoApps, readDjangoSettings } from '../schema/django/project';
import { describeDjangoModels } from '../schema/django/schema';
import { describeSqlalchemyModels, type ModelDescription } from '../schema/models/sqlalchemy';
import { DiskWorkspace } from '../workspace/workspace';
import { listSourceFiles } from './files';

export type RelationKind = 'many-to-one' | 'one-to-many' | 'one-to-one' | 'many-to-many' | 'unknown';

/** `audit --inventory`: per model, what a reviewer wants to know before consolidating it (issue 20, item 4). */
export interface InventoryModel {
  name: string;
  file: string;
  line: number;
  table: string;
  orm: 'sqlalchemy' | 'django';
  /** Django `managed = False`: a table its app's migrations do not create or change */
  unmanaged?: true;
  bases: string[];
  fields: Array<{ name: string; column: string; type?: string; nullable: boolean; default?: string; server_default?: string; primary_key: boolean; unique: boolean; index: boolean; foreign_key?: string }>;
  relations: Array<{ name: string; target: string; kind: RelationKind; back_populates?: string; backref?: string; secondary?: string }>;
  /** `@validates`, `@event.listens_for(Model, ...)`; Django: `save`/`clean`/`delete` overrides, signal receivers */
  hooks: string[];
  /** columns that mark soft deletion (`deleted_at`, `is_deleted`) */
  soft_delete: string[];
  /** columns that scope rows to a tenant (`tenant_id`, `client_account_id`) */
  tenant: string[];
}

export interface Inventory {
  models: InventoryModel[];
}

const softDelete = /^(deleted_at|is_deleted|deleted|archived_at|is_archived)$/;
const tenant = /^(tenant_id|client_account_id|organization_id|org_id|workspace_id|account_id)$/;

/** The direction of a relationship, as SQLAlchemy's mapper works it out from the foreign keys. */
function kindOf(model: ModelDescription, relation: ModelDescription['relations'][number], byName: ReadonlyMap<string, ModelDescription[]>): RelationKind {
  if (relation.secondary) return 'many-to-many';
  const targets = byName.get(relation.target) ?? [];
  const target = targets.find((t) => t.file === model.file) ?? targets[0];
  if (!target) return 'unknown';
  const pointsAt = (from: ModelDescription, to: ModelDescription): boolean => from.fields.some((f) => f.foreignKey !== undefined && f.foreignKey.slice(0, f.foreignKey.lastIndexOf('.')) === to.table);
  const single = relation.uselist === false;
  // (a self-referential one is taken as the parent side: SQLAlchemy tells them apart by remote_side, not read here)
  if (pointsAt(model, target)) return single ? 'one-to-one' : 'many-to-one';
  if (pointsAt(target, model)) return single ? 'one-to-one' : 'one-to-many';
  return 'unknown';
}

/** Hooks a model has: `@validates(...)` methods in its body, `@event.listens_for(Model, "...")` functions of its file. */
function hooksOf(model: ModelDescription, text: string): string[] {
  const hooks: string[] = [];
  for (const m of text.matchAll(/@(?:\w+\.)?validates\(([^)]*)\)/g)) hooks.push(`validates(${m[1]!.replace(/\s+/g, ' ')})`);
  for (const m of text.matchAll(/@(?:\w+\.)?listens_for\(\s*(\w+)\s*,\s*["'](\w+)["']/g)) if (m[1] === model.name) hooks.push(`event ${m[2]}`);
  return hooks;
}

export async function inventory(dir: string): Promise<Inventory> {
  const root = resolve(dir);
  const files = listSourceFiles(root).filter((file) => file.endsWith('.py') && !/(^|\/)migrations\//.test(file)).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
  const described = await describeSqlalchemyModels(files);
  const byName = new Map<string, ModelDescription[]>();
  for (const model of described) byName.set(model.name, [...(byName.get(model.name) ?? []), model]);
  const texts = new Map(files.map((f) => [f.file, f.text]));
  const models = described.map((model): InventoryModel => {
    const body = (texts.get(model.file) ?? '').split('\n').slice(model.line - 1).join('\n');
    const classText = body.split(/\n(?=\S)/)[0] ?? '';
    return {
      name: model.name,
      file: model.file,
      line: model.line,
      table: model.table,
      orm: 'sqlalchemy',
      bases: model.bases,
      fields: model.fields.map((f) => ({ name: f.name, column: f.column, ...(f.type ? { type: f.type } : {}), nullable: f.nullable, ...(f.default ? { default: f.default } : {}), ...(f.serverDefault ? { server_default: f.serverDefault.written } : {}), primary_key: f.primaryKey, unique: f.unique, index: f.index, ...(f.foreignKey ? { foreign_key: f.foreignKey } : {}) })),
      relations: model.relations.map((r) => ({ name: r.name, target: r.target, kind: kindOf(model, r, byName), ...(r.backPopulates ? { back_populates: r.backPopulates } : {}), ...(r.backref ? { backref: r.backref } : {}), ...(r.secondary ? { secondary: r.secondary } : {}) })),
      hooks: [...hooksOf(model, classText), ...hooksOf(model, texts.get(model.file) ?? '').filter((h) => h.startsWith('event '))].filter((h, i, all) => all.indexOf(h) === i),
      soft_delete: model.fields.filter((f) => softDelete.test(f.column)).map((f) => f.column),
      tenant: model.fields.filter((f) => tenant.test(f.column)).map((f) => f.column),
    };
  });
  // `backref="x"` gives the target class a relationship of its own, the other way round (as the mapper does)
  const inverse: Record<RelationKind, RelationKind> = { 'many-to-one': 'one-to-many', 'one-to-many': 'many-to-one', 'one-to-one': 'one-to-one', 'many-to-many': 'many-to-many', unknown: 'unknown' };
  for (const model of models) {
    for (const relation of model.relations) {
      const name = relation.backref?.replace(/^backref\(\s*["'](\w+)["'][\s\S]*$/, '$1');
      if (!name || !/^\w+$/.test(name)) continue;
      const targets = models.filter((m) => m.name === relation.target);
      const target = targets.find((t) => t.file === model.file) ?? targets[0];
      if (target && !target.relations.some((r) => r.name === name)) target.relations.push({ name, target: model.name, kind: inverse[relation.kind], back_populates: relation.name });
    }
  }
  models.push(...(await djangoInventory(root, texts)));
  return { models: models.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line) };
}

/** Django hooks: `save`/`clean`/`delete` overrides in the class, `@receiver(signal, sender=Model)` / `signal.connect(..., sender=Model)` anywhere. */
function djangoHooks(name: string, classText: string, texts: ReadonlyMap<string, string>): string[] {
  const hooks = [...classText.matchAll(/^\s+def\s+(save|clean|delete|full_clean|clean_fields)\s*\(/gm)].map((m) => `${m[1]} override`);
  for (const text of texts.values()) {
    for (const m of text.matchAll(/@receiver\(\s*(?:signals\.)?(\w+)[^)]*?sender\s*=\s*(\w+)/g)) if (m[2] === name) hooks.push(`signal ${m[1]}`);
    for (const m of text.matchAll(/\b(\w+)\.connect\([^)]*?sender\s*=\s*(\w+)/g)) if (m[2] === name) hooks.push(`signal ${m[1]}`);
  }
  return [...new Set(hooks)];
}

async function djangoInventory(root: string, texts: ReadonlyMap<string, string>): Promise<InventoryModel[]> {
  if (![...texts.values()].some((text) => /\bdjango\b/.test(text))) return [];
  const workspace = new DiskWorkspace(root);
  const settings = readDjangoSettings(workspace, findDjangoApps(workspace));
  const { models } = await readDjangoModels(workspace, settings);
  return describeDjangoModels(models, settings).map(({ model, table, fields, relations }) => {
    const classText = (texts.get(model.origin.file) ?? '').split('\n').slice(model.origin.line - 1).join('\n').split(/\n(?=\S)/)[0] ?? '';
    return {
      name: model.name,
      file: model.origin.file,
      line: model.origin.line,
      table,
      orm: 'django' as const,
      ...(model.managed ? {} : { unmanaged: true as const }),
      bases: model.bases ?? [],
      fields: fields.map((f) => ({ name: f.name, column: f.column, ...(f.type ? { type: f.type } : {}), nullable: f.nullable, primary_key: f.primaryKey, unique: f.unique, index: f.index, ...(f.foreignKey ? { foreign_key: f.foreignKey } : {}) })),
      relations: relations.map((r) => ({ name: r.name, target: r.target, kind: r.kind, ...(r.reverseOf ? { back_populates: r.reverseOf } : {}) })),
      hooks: djangoHooks(model.name, classText, texts),
      soft_delete: fields.filter((f) => softDelete.test(f.column)).map((f) => f.column),
      tenant: fields.filter((f) => tenant.test(f.column)).map((f) => f.column),
    };
  });
}

export function renderInventoryJson(report: Inventory): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function renderInventoryMarkdown(report: Inventory): string {
  const lines = ['# Model inventory', '', `${report.models.length} model(s).`, ''];
  for (const m of report.models) {
    lines.push(`## ${m.name} — \`${m.table}\``, '', `${m.file}:${m.line} · ${m.orm}${m.unmanaged ? ' · managed = False' : ''}${m.bases.length ? ` · bases: ${m.bases.join(', ')}` : ''}${m.soft_delete.length ? ` · soft delete: ${m.soft_delete.join(', ')}` : ''}${m.tenant.length ? ` · tenant: ${m.tenant.join(', ')}` : ''}`, '');
    lines.push('| field | column | type | null | default | key |', '| --- | --- | --- | --- | --- | --- |');
    for (const f of m.fields) {
      const key = [f.primary_key ? 'pk' : '', f.unique ? 'unique' : '', f.index ? 'index' : '', f.foreign_key ? `→ ${f.foreign_key}` : ''].filter(Boolean).join(' ');
      lines.push(`| ${f.name} | ${f.column} | ${f.type ?? ''} | ${f.nullable ? 'yes' : 'no'} | ${[f.default, f.server_default ? `server ${f.server_default}` : ''].filter(Boolean).join(', ').replace(/\|/g, '\\|')} | ${key} |`);
    }
    if (m.relations.length) lines.push('', ...m.relations.map((r) => `- ${r.name} → ${r.target} (${r.kind}${r.back_populates ? `, back_populates ${r.back_populates}` : ''}${r.backref ? `, backref ${r.backref}` : ''})`));
    if (m.hooks.length) lines.push('', `hooks: ${m.hooks.join(', ')}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

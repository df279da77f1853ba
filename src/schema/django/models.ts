import type { Workspace } from '../../core/types';
import { textOrUndefined } from '../../core/read-text';
import { parsePython, type Node } from '../../languages/python/syntax';
import type { Origin, SchemaModel } from '../model';
import { isMigration } from '../migrations/paths';
import { djangoAppFolder } from '../orm/python/naming';
import { kids, lastSegment, stringValue } from '../orm/python/nodes';
import { fromImportMatches, fromImportText, importedBindings } from '../../languages/python/imports';
import { isFieldCall, readField, readIndexCall, readTogether } from './fields';
import { appLabelOf } from '../../languages/python/django-apps';
import { djangoSchema } from './schema';
import { modelKey, type CustomField, type CustomFields, type DjangoField, type DjangoIndex, type DjangoModel, type DjangoSettings } from './types';

/** The abstract user bases of `django.contrib.auth` as Django documents their fields: a custom user model's columns. */
const contribAuth = `
class AbstractBaseUser(models.Model):
    password = models.CharField(max_length=128)
    last_login = models.DateTimeField(blank=True, null=True)

    class Meta:
        abstract = True


class PermissionsMixin(models.Model):
    is_superuser = models.BooleanField(default=False)
    groups = models.ManyToManyField("auth.Group", blank=True)
    user_permissions = models.ManyToManyField("auth.Permission", blank=True)

    class Meta:
        abstract = True


class AbstractUser(AbstractBaseUser, PermissionsMixin):
    username = models.CharField(max_length=150, unique=True)
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    email = models.EmailField(blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField()

    class Meta:
        abstract = True
`;
const contribFile = 'django/contrib/auth/models.py';

/** The models read: their schema, their states (the inventory's), and the project's own field classes. */
export interface DjangoModels {
  schema: SchemaModel;
  models: DjangoModel[];
  customKinds: CustomFields;
}

interface Meta {
  dbTable?: string;
  abstract?: boolean;
  proxy?: boolean;
  managed?: boolean;
  appLabel?: string;
  /** `class Meta(Base.Meta)`: inherits the parent's options */
  inherits: boolean;
  indexes: DjangoIndex[];
  uniqueTogether?: DjangoIndex[];
  indexTogether?: DjangoIndex[];
  uniqueConstraints: DjangoIndex[];
}

interface ClassInfo {
  name: string;
  file: string;
  /** what the file's from-imports bind: local name -> the module's path (`legacy/models`, relative ones resolved) and name */
  imports: ReadonlyMap<string, { path: string; name: string }>;
  line: number;
  bases: string[];
  /** assignments of field calls, kept as nodes until the fields can be read (custom field classes known) */
  fieldNodes: Array<{ name: string; call: Node }>;
  meta?: Meta;
  /** the options a field class's `__init__` fixes */
  fixedOptions: CustomField['defaults'];
  /** one of the abstract bases remodel knows without the source (`contribAuth`), not a class of the repository */
  builtin?: true;
}

function readMeta(node: Node, origin: (n: Node) => Origin): Meta {
  const meta: Meta = { inherits: kids(node.childForFieldName('superclasses')).length > 0, indexes: [], uniqueConstraints: [] };
  for (const statement of kids(node.childForFieldName('body'))) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : undefined;
    if (assignment?.type !== 'assignment') continue;
    const key = assignment.childForFieldName('left')?.text;
    const value = assignment.childForFieldName('right');
    if (!value) continue;
    if (key === 'db_table') meta.dbTable = stringValue(value);
    else if (key === 'abstract') meta.abstract = value.type === 'true';
    else if (key === 'proxy') meta.proxy = value.type === 'true';
    else if (key === 'managed') meta.managed = value.type !== 'false';
    else if (key === 'app_label') meta.appLabel = stringValue(value);
    else if (key === 'unique_together') meta.uniqueTogether = readTogether(value, origin(assignment));
    else if (key === 'index_together') meta.indexTogether = readTogether(value, origin(assignment));
    else if (key === 'indexes' || key === 'constraints') {
      for (const item of kids(value)) {
        if (item.type !== 'call') continue;
        const index = readIndexCall(item, origin(item));
        if (index.conditional || !index.fields.length) continue;
        if (key === 'indexes') meta.indexes.push(index);
        else if (index.kind === 'UniqueConstraint') meta.uniqueConstraints.push(index);
      }
    }
  }
  return meta;
}

/** `kwargs.setdefault("max_digits", 12)` / `kwargs["max_length"] = 64` in a class's `__init__`. */
function fixedOptions(node: Node): CustomField['defaults'] {
  const init = kids(node.childForFieldName('body')).find((inner) => inner.type === 'function_definition' && inner.childForFieldName('name')?.text === '__init__');
  const out: CustomField['defaults'] = {};
  const keys = { max_length: 'maxLength', max_digits: 'maxDigits', decimal_places: 'decimalPlaces' } as const;
  for (const m of init?.text.matchAll(/\bkwargs(?:\.setdefault\(\s*|\[)["'](max_length|max_digits|decimal_places)["'](?:\s*,\s*|\]\s*=\s*)(\d+)/g) ?? []) out[keys[m[1] as keyof typeof keys]] = Number(m[2]);
  return out;
}

/** The names a file's from-imports bind, each with the module's path (`from .models import Booking as B` in `shop/views.py`: B -> shop/models, Booking). */
function importedClasses(file: string, text: string): Map<string, { path: string; name: string }> {
  const out = new Map<string, { path: string; name: string }>();
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')).split('/') : [];
  for (const [, dots, module, list] of fromImportMatches(text, fromImportText)) {
    const base = dots!.length ? folder.slice(0, folder.length - (dots!.length - 1)) : [];
    const path = [...base, ...(module ? module!.split('.') : [])].join('/');
    for (const { name, local } of importedBindings(list!)) if (name !== '*') out.set(local, { path, name });
  }
  return out;
}

/** Whether a class defined in `file` is what `from <path> import X` reaches: that module, or a module of that package (a re-export). */
function definedUnder(file: string, path: string): boolean {
  const stem = file.replace(/\.py$/, '').replace(/(^|\/)__init__$/, '');
  const at = (p: string): boolean => stem === p || stem.endsWith(`/${p}`);
  return at(path) || stem.startsWith(`${path}/`) || stem.includes(`/${path}/`);
}

const isModelBase = (base: string): boolean => base === 'models.Model' || base === 'Model' || base.endsWith('.models.Model');

/**
 * Django model classes read into the state Django's autodetector would build from them (`ProjectState.from_apps`):
 * abstract bases and mixins contributing fields and Meta, multi-table inheritance (`<parent>_ptr`), proxies, the
 * implicit `id` of `DEFAULT_AUTO_FIELD`, a project's own field classes. A base from outside the project whose fields
 * remodel cannot know makes its tables unsure.
 */
export async function readDjangoModels(workspace: Workspace, settings: DjangoSettings): Promise<DjangoModels> {
  const classes: ClassInfo[] = [];
  const trees: Array<{ delete(): void }> = [];
  try {
    const sources = workspace.files
      .filter((file) => file.endsWith('.py') && !isMigration(file, undefined))
      .map((file) => ({ file, text: textOrUndefined(workspace, file) ?? '' }))
      .filter(({ text }) => /\bdjango\b|\bmodels\.Model\b|Field\(/.test(text));
    // the abstract user bases stand in for django.contrib.auth, unless the repository holds it (Django, a vendored copy)
    const builtins = workspace.files.includes(contribFile) ? [] : [{ file: contribFile, text: contribAuth, builtin: true as const }];
    for (const { file, text, builtin } of [...builtins, ...sources.map((source) => ({ ...source, builtin: undefined }))]) {
      const tree = await parsePython(text);
      trees.push(tree);
      const imports = importedClasses(file, text);
      for (const statement of kids(tree.rootNode)) {
        const node = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
        if (node?.type !== 'class_definition') continue;
        const info: ClassInfo = { name: node.childForFieldName('name')?.text ?? '', file, imports, line: node.startPosition.row + 1, bases: kids(node.childForFieldName('superclasses')).filter((b) => b.type !== 'keyword_argument').map((b) => b.text), fieldNodes: [], fixedOptions: fixedOptions(node), ...(builtin ? { builtin } : {}) };
        for (const inner of kids(node.childForFieldName('body'))) {
          if (inner.type === 'class_definition' && inner.childForFieldName('name')?.text === 'Meta') {
            info.meta = readMeta(inner, (n) => ({ file, line: n.startPosition.row + 1 }));
            continue;
          }
          const assignment = inner.type === 'expression_statement' ? inner.namedChild(0) : undefined;
          const left = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : undefined;
          const right = assignment?.childForFieldName('right');
          if (left?.type === 'identifier' && right?.type === 'call') info.fieldNodes.push({ name: left.text, call: right });
        }
        classes.push(info);
      }
    }
    return build(workspace, classes, settings);
  } finally {
    for (const tree of trees) tree.delete();
  }
}

function build(workspace: Workspace, classes: ClassInfo[], settings: DjangoSettings): DjangoModels {
  const byName = new Map<string, ClassInfo[]>();
  for (const info of classes) byName.set(info.name, [...(byName.get(info.name) ?? []), info]);
  const lookup = (base: string, from: ClassInfo): ClassInfo | undefined => {
    const candidates = (byName.get(lastSegment(base)) ?? []).filter((c) => c !== from);
    return candidates.find((c) => c.file === from.file) ?? candidates.find((c) => djangoAppFolder(c.file) === djangoAppFolder(from.file)) ?? candidates.find((c) => !c.builtin) ?? candidates[0];
  };

  // a project's own field classes: `class MoneyField(models.DecimalField)` → DecimalField
  const customKinds = new Map<string, CustomField>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const info of classes) {
      if (customKinds.has(info.name)) continue;
      for (const base of info.bases.map(lastSegment)) {
        const parent = customKinds.get(base) ?? (/Field$|^ForeignKey$/.test(base) && !byName.has(base) ? { kind: base, defaults: {} } : undefined);
        if (parent) {
          customKinds.set(info.name, { kind: parent.kind, defaults: { ...parent.defaults, ...info.fixedOptions } });
          changed = true;
          break;
        }
      }
    }
  }

  const modelMemo = new Map<ClassInfo, boolean>();
  const isModel = (info: ClassInfo, depth = 0): boolean => {
    if (modelMemo.has(info)) return modelMemo.get(info)!;
    modelMemo.set(info, false);
    const found = depth < 30 && info.bases.some((base) => isModelBase(base) || (lookup(base, info) ? isModel(lookup(base, info)!, depth + 1) : false));
    modelMemo.set(info, found);
    return found;
  };

  /**
   * A relation to a class object (`ForeignKey(Booking)`): the model that class is, by the file's own classes and
   * imports, as `app.Model` (a bare name would read as a model of the holder's app). Undefined: left as written.
   */
  const classTarget = (from: ClassInfo, call: Node): string | undefined => {
    const args = kids(call.childForFieldName('arguments'));
    const to = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'to')?.childForFieldName('value') ?? args.find((a) => a.type !== 'keyword_argument');
    if (to?.type !== 'identifier') return undefined;
    const local = classes.find((c) => c.file === from.file && c.name === to.text);
    const imported = local ? undefined : from.imports.get(to.text);
    const found = local ? [local] : imported ? classes.filter((c) => c.name === imported.name && !c.builtin && definedUnder(c.file, imported.path)) : [];
    const labels = [...new Set(found.filter((c) => isModel(c)).map((c) => `${labelOf(c)}.${c.name}`))];
    return labels.length === 1 ? labels[0] : undefined;
  };

  const labelOf = (info: ClassInfo): string => info.meta?.appLabel ?? (info.builtin ? 'auth' : appLabelOf(workspace, djangoAppFolder(info.file)));
  const models = classes.filter((info) => isModel(info));
  const states = new Map<ClassInfo, DjangoModel>();
  const unresolved: SchemaModel['unresolved'] = [];

  const stateOf = (info: ClassInfo, depth = 0): DjangoModel => {
    const done = states.get(info);
    if (done) return done;
    const app = labelOf(info);
    const origin = { file: info.file, line: info.line };
    const own = info.meta;
    const model: DjangoModel = { app, name: info.name, bases: info.bases, fields: new Map(), abstract: own?.abstract ?? false, proxy: own?.proxy ?? false, managed: own?.managed ?? true, indexes: [], uniqueTogether: [], indexTogether: [], uniqueConstraints: [], origin };
    states.set(info, model);
    const inherited = new Map<string, DjangoField>();
    let metaParent: DjangoModel | undefined;
    for (const base of info.bases) {
      if (isModelBase(base)) continue;
      const parentInfo = lookup(base, info);
      if (!parentInfo || !isModel(parentInfo) || depth > 30) {
        if (!parentInfo && /Model$|Base$|User$/.test(lastSegment(base))) unresolved.push({ origin, detail: `${info.name} inherits from ${base}, outside the project: its fields are not known`, tables: [] });
        continue;
      }
      const parent = stateOf(parentInfo, depth + 1);
      if (parent.abstract) {
        for (const [name, field] of parent.fields) if (!inherited.has(name)) inherited.set(name, field);
        metaParent ??= parent;
      } else if (!model.proxy && !model.abstract && !model.parent) {
        model.parent = modelKey(parent.app, parent.name);
        const link = `${parent.name.toLowerCase()}_ptr`;
        inherited.set(link, { name: link, kind: 'OneToOneField', null: false, primaryKey: true, unique: true, to: `${parent.app}.${parent.name}`, origin });
      } else if (model.proxy) model.parent ??= modelKey(parent.app, parent.name);
    }
    for (const [name, field] of inherited) model.fields.set(name, field);
    for (const { name, call } of info.fieldNodes) {
      if (!isFieldCall(call, customKinds)) continue;
      const field = readField(name, call, { file: info.file, line: call.startPosition.row + 1 }, customKinds);
      const target = field.to === undefined ? undefined : classTarget(info, call);
      if (target) field.to = target;
      if (field.primaryKey && model.parent && model.fields.has(`${model.parent.split('.')[1]}_ptr`)) model.fields.delete(`${model.parent.split('.')[1]}_ptr`);
      model.fields.set(name, field);
    }
    if (!model.abstract && !model.proxy && ![...model.fields.values()].some((f) => f.primaryKey)) {
      model.fields = new Map([['id', { name: 'id', kind: settings.autoField(app), null: false, primaryKey: true, unique: false, origin }], ...model.fields]);
    }
    // Meta: a child without a Meta of its own (or with `class Meta(Base.Meta)`) inherits its abstract parent's
    const meta = own;
    const parentMeta = metaParent && (!meta || meta.inherits) ? metaParent : undefined;
    model.dbTable = meta?.dbTable;
    if (model.dbTable === undefined) delete model.dbTable;
    model.indexes = [...(parentMeta?.indexes ?? []), ...(meta?.indexes ?? [])];
    model.uniqueTogether = meta?.uniqueTogether ?? parentMeta?.uniqueTogether ?? [];
    model.indexTogether = meta?.indexTogether ?? parentMeta?.indexTogether ?? [];
    model.uniqueConstraints = [...(parentMeta?.uniqueConstraints ?? []), ...(meta?.uniqueConstraints ?? [])];
    return model;
  };

  const all = models.filter((info) => !info.builtin).map((info) => stateOf(info));
  const schema = djangoSchema(all, settings);
  for (const entry of unresolved) {
    const model = all.find((m) => m.origin.file === entry.origin.file && m.origin.line === entry.origin.line);
    // an abstract or proxy model has no table of its own: the concrete models below it carry their own entries
    if (model && !model.abstract && !model.proxy) schema.unresolved.push({ ...entry, tables: [model.dbTable ?? `${model.app}_${model.name.toLowerCase()}`] });
  }
  return { schema, models: all, customKinds };
}

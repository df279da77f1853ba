import { textOrUndefined } from '../../core/read-text';
import type { NeedsReview, Workspace } from '../../core/types';
import type { ImportMap } from '../../importmap/types';
import { fromImportMatches, fromImportText, importedBindings, plainImportsInText } from './imports';
import type { PythonModuleIndex } from './modules';
import { inProse, proseRanges } from './prose';

/** One model registered with a Django admin site: where, on which site (as written), and the class it names. */
interface Registration {
  file: string;
  line: number;
  site: string;
  /** `module.Name` as the file names it, and as it is once the map applies (its canonical class) */
  before: string;
  after: string;
}

/** The modules Django's admin autodiscovery imports: each app's `admin.py`, or an `admin` package. */
const adminFile = /(?:^|\/)admin(?:\.py|\/[^/]+\.py)$/;
/** `admin.site.register(A, ...)`, `site.register([A, B])`, `custom_site.register(...)`: a site object's register. */
const siteRegister = /^[ \t]*((?:[A-Za-z_]\w*\.)*[A-Za-z_]*site)\.register\(\s*([^)]*)\)/gim;
/** `@admin.register(A, B, site=custom)` */
const registerDecorator = /^[ \t]*@(?:admin\.)?register\(\s*([^)]*)\)/gm;

/**
 * Two admin registrations of one model class, once the map makes the classes they named one (`legacy/admin.py`
 * registers `legacy.models.Booking`, `core/admin.py` registers `core.models.Booking`): Django raises `AlreadyRegistered`
 * at startup, shims or not (a shim serves the canonical class itself). Each registration after the first is listed;
 * registrations that named one class already are the project's own affair.
 */
export function adminRegistrationConflicts(map: ImportMap, modules: PythonModuleIndex, workspace: Workspace): NeedsReview[] {
  const registrations = workspace.files.filter((file) => adminFile.test(file)).flatMap((file) => registrationsIn(file, textOrUndefined(workspace, file) ?? '', map, modules));
  const bySite = new Map<string, Registration[]>();
  for (const r of registrations) bySite.set(`${r.site}\0${r.after}`, [...(bySite.get(`${r.site}\0${r.after}`) ?? []), r]);
  const out: NeedsReview[] = [];
  for (const group of bySite.values()) {
    if (new Set(group.map((r) => r.before)).size < 2) continue;
    const [first, ...rest] = group;
    for (const r of rest) out.push({ file: r.file, line: r.line, reason: `${r.after} is registered with the admin here and at ${first!.file}:${first!.line} once ${r.before === r.after ? first!.before : r.before} is ${r.after}: Django raises AlreadyRegistered at startup; keep one registration (one ModelAdmin with the options of both)` });
  }
  return out;
}

function registrationsIn(file: string, text: string, map: ImportMap, modules: PythonModuleIndex): Registration[] {
  if (!text.includes('register')) return [];
  const prose = proseRanges(text) ?? [];
  const names = bindingsOf(file, text, modules);
  const own = modules.getModule(file);
  const classOf = (expression: string): string | undefined => {
    const dot = expression.lastIndexOf('.');
    if (dot < 0) return names.get(expression) ?? (own && new RegExp(`^class\\s+${expression}\\b`, 'm').test(text) ? `${own}.${expression}` : undefined);
    const module = names.get(expression.slice(0, dot));
    return module === undefined ? undefined : `${module}.${expression.slice(dot + 1)}`;
  };
  const out: Registration[] = [];
  const add = (at: number, site: string, models: readonly string[]): void => {
    if (inProse(prose, at)) return;
    const line = text.slice(0, at).split('\n').length;
    for (const model of models) {
      const before = classOf(model);
      if (before === undefined) continue;
      out.push({ file, line, site: site === 'site' ? 'admin.site' : site, before, after: canonicalOf(before, map) });
    }
  };
  for (const match of text.matchAll(siteRegister)) add(match.index, match[1]!, modelsIn(match[2]!, false));
  for (const match of text.matchAll(registerDecorator)) add(match.index, /\bsite\s*=\s*([\w.]+)/.exec(match[1]!)?.[1] ?? 'admin.site', modelsIn(match[1]!, true));
  return out;
}

/** The model expressions of a register call: its first argument (a name, or a list of them), or a decorator's positional ones. */
function modelsIn(args: string, decorator: boolean): string[] {
  const list = /^\s*[[(]([^\])]*)[\])]/.exec(args);
  const items = (list ? list[1]! : decorator ? args : args.split(',')[0]!).split(',').map((item) => item.trim());
  return items.filter((item) => /^[A-Za-z_][\w.]*$/.test(item));
}

/** What the file's imports bind: `Booking` -> `legacy.models.Booking`; `models` (a module) -> `legacy.models`. */
function bindingsOf(file: string, text: string, modules: PythonModuleIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, dots, module, list] of fromImportMatches(text, fromImportText)) {
    const from = modules.absolutize(file, dots!.length, module || undefined);
    if (from === undefined) continue;
    for (const { name, local } of importedBindings(list!)) if (name !== '*') out.set(local, `${from}.${name}`);
  }
  // `import legacy.models` binds `legacy`, but names the module by its whole path in `legacy.models.Booking`
  for (const { module, local } of plainImportsInText(text)) out.set(local === module.split('.')[0] && module.includes('.') ? module : local, module);
  return out;
}

/** The class a `module.Name` is once the map applies: its canonical home when an entry moves it. */
function canonicalOf(qualified: string, map: ImportMap): string {
  const dot = qualified.lastIndexOf('.');
  const target = map.moveOfName(qualified.slice(0, dot), qualified.slice(dot + 1));
  return target ? `${target.module}.${target.name}` : qualified;
}

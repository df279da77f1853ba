import type { RawShimEntry } from '../../importmap/schema';
import { lineEnding } from '../../core/edits';
import { pythonDocstringText, stringLiteral } from '../../core/literals';
import { licenseHeaderLines, shimMarkerText } from '../../core/shims';
import type { DjangoModelLeaving, PruneAction, ShimPlan } from '../types';
import type { Edit, NeedsReview } from '../../core/types';
import { applyLineDeletions, shimOrphans } from './shim-orphans';
import { moduleFile, offeredNames, resolveMoved, topLevelBindings, type MovedName, type ShimContext } from './shim-sources';
import { appLabelOf, djangoAppFolder, modelsCreatedByMigrations, topLevelClasses } from './django-apps';
import { bracketed, moduleDocstring, pythonLineLength } from './layout';
import { textOrUndefined } from '../../core/read-text';
import { isortConfig } from './import-order/config';
import { parsePython, statementLines, type Node } from './syntax';
import { analyzeScopes } from './scopes';
import { findImports } from './imports';

/** First line of every block remodel generates: how a re-run recognises (and regenerates, never nests) its shim. */
export const shimMarker = `# ${shimMarkerText}`;
const inPlaceMarker = `${shimMarker} for the names that moved out of this module`;

/**
 * Prune: a whole-module shim goes with its file, a package shim with its package (the old submodules it redirected
 * are never loaded), and a module that keeps names of its own loses only its shim section (the section runs to the end
 * of the file; the imports the module's own code still uses stay).
 */
export function prunePythonShim(text: string): PruneAction {
  const section = text.indexOf(`\n${inPlaceMarker}`);
  if (section !== -1) {
    const eol = lineEnding(text);
    return { kind: 'edit', text: `${text.slice(0, section).replace(/\s+$/, '')}${eol}` };
  }
  if (!text.split(/\r?\n/).includes(shimMarker)) return { kind: 'keep', why: 'not a shim remodel wrote (no marker line): left as it is' };
  return text.includes('class _Redirect(') ? { kind: 'delete-package' } : { kind: 'delete' };
}

/** What the generated code of one shim is laid out to: the project's line length at its file. */
interface Layout {
  limit: number;
}

/** The `shims:` entries of a Python map: whole-module shims replace the old module, name-level ones edit it. */
export async function planPythonShims(ctx: ShimContext): Promise<ShimPlan> {
  const plan: ShimPlan = { files: [], needsReview: [], notes: [] };
  for (const [index, entry] of ctx.map.shims.entries()) {
    const fail = (key: string, detail: string): never => {
      throw ctx.map.error(['shims', index, key], detail);
    };
    const file = ctx.modules.getFile(entry.module);
    const whole = ctx.map.moveOfModule(entry.module);
    const named = ctx.map.movedNames(entry.module);
    if (!whole && !named.length) fail('module', `'${entry.module}' is not moved by any rewrite entry, so there is nothing to shim`);
    if (file === undefined) fail('module', `module '${entry.module}' has no file under root ${ctx.map.roots.join(', ')} (pruned already? then drop this entry)`);
    // relocated in this plan: the implementation moved (its relative imports now spelled from there), the shim takes its old path
    const source = ctx.workspace.movedTo(file!) ?? file!;
    const text = ctx.workspace.read(source);
    // the formatter's line length, or isort's where it is shorter (a long import is wrapped as both leave it)
    const isortLength = isortConfig((f) => textOrUndefined(ctx.workspace, f))?.lineLength ?? Infinity;
    const layout: Layout = { limit: Math.min(isortLength, pythonLineLength((f) => textOrUndefined(ctx.workspace, f), file!)) };
    const packageMove = whole?.rule.package && whole.rule.from === entry.module && /(^|\/)__init__\.py$/.test(file!);
    const review = (reason: string): void => void plan.needsReview.push({ file: file!, line: 1, reason });
    // names move out of a module that is relocated too (now, or before: the shim took its path): the moved file loses
    // their definitions, and the shim at its old path serves every name, each from where it went
    const relocatedToo = named.length > 0 && whole?.rule.derived && whole.rule.to !== whole.rule.from;
    if (relocatedToo && source !== file) {
      const body = await nameLevelShim(ctx, entry, source, text, named, plan, layout, fail, false);
      if (body !== text) plan.files.push({ path: source, text: body });
    }
    const shim = packageMove
      ? packageShim(entry, whole!.module, text, layout)
      : (whole && !named.length) || relocatedToo
        ? await wholeModuleShim(ctx, entry, text, source, layout, fail, review)
        : await nameLevelShim(ctx, entry, file!, text, named, plan, layout, fail);
    if (shim !== text) plan.files.push({ path: file!, text: shim });
    if (!packageMove) (plan.djangoModelsLeaving ??= []).push(...djangoModelsLeaving(ctx, entry.module, file!, text));
  }
  return plan;
}

/**
 * A shim leaves the old Django app without the models it served: its migrations created them, so `makemigrations`
 * deletes them from the app's state — and `migrate` drops the table of each managed one, which the canonical model
 * maps. Each, with what to say at its `CreateModel` when the plan cannot write the migration that moves its state.
 */
function djangoModelsLeaving(ctx: ShimContext, module: string, file: string, text: string): DjangoModelLeaving[] {
  const folder = djangoAppFolder(ctx.workspace, file);
  if (folder === undefined) return [];
  const created = modelsCreatedByMigrations(ctx.workspace, folder);
  const label = appLabelOf(ctx.workspace, folder);
  return topLevelClasses(text).flatMap((name) => {
    const target = ctx.map.moveOfName(module, name);
    const model = created.get(name);
    if (!target || !model) return [];
    const canonical = `${target.module}.${target.name}`;
    const reason = model.managed
      ? `${label}.${name} now is ${canonical}: with ${module} a shim, makemigrations deletes ${label}.${name}, and migrate would drop its table, which ${canonical} maps (rows lost), unless that DeleteModel is state-only: migrations.SeparateDatabaseAndState(state_operations=[...])`
      : `${label}.${name} now is ${canonical}: with ${module} a shim, makemigrations deletes ${label}.${name} (unmanaged: no table is dropped); migrations whose fields point at it then point at the canonical model`;
    const targetFile = moduleFile(ctx, target.module);
    return [{ label, name, target: { module: target.module, name: target.name, ...(targetFile === undefined ? {} : { file: targetFile }) }, review: { file: model.file, line: model.line, reason } }];
  });
}


/** What a warning adds when the shim has an end date (a validated YYYY-MM-DD: safe in an f-string). */
function removal(entry: RawShimEntry): string {
  return entry.remove_after ? ` (this shim is removed after ${entry.remove_after})` : '';
}

/** `_MOVED`, `__getattr__` and `__dir__`: each moved name is served from its canonical home (the same object), warned. */
function getattrBlock(moved: readonly MovedName[], entry: RawShimEntry, { limit }: Layout, afterCode = false): string[] {
  // below the module's own code (a name-level shim), its imports tell flake8 and pylint they stand there on purpose
  const late = afterCode ? '  # noqa: E402' : '';
  const imports = ['import importlib as _importlib', 'import warnings as _warnings', ...(moved.length ? ['from typing import TYPE_CHECKING as _TYPE_CHECKING'] : [])];
  // isort is kept off them too (it would sort them into the module's own imports' order, or rewrap a line)
  const lines = afterCode ? ['# pylint: disable=wrong-import-position,wrong-import-order', '# isort: off', ...imports.map((line) => `${line}${late}`), '', '# isort: on', '_MOVED = {'] : [...imports, '', '_MOVED = {'];
  for (const m of moved) {
    const [key, module, name] = [stringLiteral(m.old), stringLiteral(m.module), stringLiteral(m.name)];
    lines.push(...bracketed(`    ${key}: (${module}, ${name}),`, `    ${key}: (`, [module, name], '),', limit));
  }
  lines.push('}');
  if (entry.message) lines.push(`_MESSAGE = ${stringLiteral(entry.message + removal(entry))}`);
  const message = entry.message ? '_MESSAGE' : `f"{__name__}.{name} is deprecated: use 'from {module} import {new_name}'${removal(entry)}"`;
  lines.push(
    '',
    '',
    'def __getattr__(name):',
    '    if name not in _MOVED:',
    '        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
    '    module, new_name = _MOVED[name]',
    ...warnCall('    ', message, 'stacklevel=2', limit),
    '    return getattr(_importlib.import_module(module), new_name)',
    '',
    '',
    'def __dir__():',
    '    return sorted(set(globals()) | set(_MOVED))',
  );
  // a module that offers no name at all has nothing for type checkers either (and an empty block would not parse)
  if (!moved.length) return lines;
  lines.push(
    '',
    '',
    'if _TYPE_CHECKING:',
    '    # type checkers see each moved name as its canonical object',
    '    # (at run time __getattr__ serves it, warned)',
    '    # pylint: disable=unused-import,useless-import-alias',
    '    # isort: off',
    // no `__all__` lists them in a module that keeps names of its own: flake8 and ruff are told they are unused on purpose
    ...moved.flatMap((m) => importLines('    ', m.module, `${m.name} as ${m.old}`, limit, afterCode ? '  # noqa: F401' : '')),
    // black and ruff put a blank line between an import and a comment that follows it in a block
    '',
    '    # isort: on',
  );
  return lines;
}

/** `_warnings.warn(message, DeprecationWarning, <level>)` at `indent`, wrapped when it does not fit. */
function warnCall(indent: string, message: string, level: string, limit: number): string[] {
  const args = [message, 'DeprecationWarning', level];
  return bracketed(`${indent}_warnings.warn(${args.join(', ')})`, `${indent}_warnings.warn(`, args, ')', limit);
}

/**
 * `from module import names` at `indent` (a trailing `comment` after it), parenthesised when it does not fit: the
 * comment (a linter's suppression) then follows the opening parenthesis, on the statement's first line, where ruff
 * reads it too (not after the closing one) and black leaves it.
 */
function importLines(indent: string, module: string, names: string, limit: number, comment = ''): string[] {
  return bracketed(`${indent}from ${module} import ${names}${comment}`, `${indent}from ${module} import (${comment}`, names.split(', '), ')', limit);
}

/**
 * A package that moved as a whole (`package: true`): its `__init__.py` serves the new package's names, and a
 * meta-path finder makes every `old.sub` import load `new.sub` (the same module object, so one mapper), warning once
 * per import at the importing line. The old submodules' files, if still there, are never loaded again.
 */
function packageShim(entry: RawShimEntry, target: string, original: string, { limit }: Layout): string {
  const message = entry.message ? stringLiteral(entry.message + removal(entry)) : `f"{fullname} is deprecated: import {_NEW}{fullname[len(_OLD):]} instead${removal(entry)}"`;
  const lines = [
    ...licenseHeaderLines(original, 'hash'),
    ...moduleDocstring(
      { long: `Deprecated: the package \`${entry.module}\` moved to \`${target}\`.`, short: `Deprecated: the package \`${entry.module}\` moved.`, detail: `It moved to \`${target}\`.` },
      [
        ...(entry.message ? [pythonDocstringText(entry.message)] : []),
        ...(entry.remove_after ? [`This shim is removed after ${entry.remove_after}.`] : []),
        `A compatibility shim written by remodel: every \`${entry.module}.<module>\` import loads \`${target}.<module>\` (the same module objects) and warns. Import from \`${target}\` instead.`,
      ],
      limit,
    ),
    shimMarker,
    'import importlib as _importlib',
    'import importlib.abc as _abc',
    'import importlib.util as _util',
    'import sys as _sys',
    'import warnings as _warnings',
    'from typing import TYPE_CHECKING as _TYPE_CHECKING',
    '',
    `_OLD = ${stringLiteral(entry.module)}`,
    `_NEW = ${stringLiteral(target)}`,
    '',
    '',
    'def _caller_stacklevel():',
    '    # the first frame outside this shim and the import machinery',
    '    # (which warnings already skips)',
    '    frame, level = _sys._getframe(1), 1',
    '    while frame is not None:',
    '        filename = frame.f_code.co_filename',
    '        if filename == __file__:',
    '            level += 1',
    '        elif not filename.startswith("<frozen importlib"):',
    '            break',
    '        frame = frame.f_back',
    '    return level',
    '',
    '',
    'def _warn(fullname):',
    ...warnCall('    ', message, 'stacklevel=_caller_stacklevel()', limit),
    '',
    '',
    'class _Redirect(_abc.MetaPathFinder, _abc.Loader):',
    '    # `old.sub` imports resolve to `new.sub`: exec_module swaps the new module into sys.modules',
    '    old = _OLD',
    '',
    '    def find_spec(self, fullname, path=None, target=None):',
    '        if fullname.startswith(_OLD + "."):',
    '            return _util.spec_from_loader(fullname, self)',
    '        return None',
    '',
    '    def create_module(self, spec):',
    '        return None',
    '',
    '    def exec_module(self, module):',
    '        fullname = module.__name__',
    '        _warn(fullname)',
    '        new_name = fullname.replace(_OLD, _NEW, 1)',
    '        _sys.modules[fullname] = _importlib.import_module(new_name)',
    '',
    '',
    'if not any(getattr(f, "old", None) == _OLD for f in _sys.meta_path):',
    '    _sys.meta_path.insert(0, _Redirect())',
    '',
    '',
    'def __getattr__(name):',
    '    # PEP 562: a name the new package lacks is an AttributeError',
    '    # (hasattr, `from old import *` rely on it)',
    '    new = _importlib.import_module(_NEW)',
    '    if hasattr(new, name):',
    '        _warn(f"{_OLD}.{name}")',
    '        return getattr(new, name)',
    '    if not name.startswith("__"):',
    '        try:',
    '            module = _importlib.import_module(f"{_NEW}.{name}")',
    '        except ModuleNotFoundError as error:',
    '            if error.name != f"{_NEW}.{name}":',
    '                raise',
    '        else:',
    '            _warn(f"{_OLD}.{name}")',
    '            return module',
    '    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")',
    '',
    '',
    'def __dir__():',
    '    return sorted(set(globals()) | set(dir(_importlib.import_module(_NEW))))',
    '',
    '',
    'if _TYPE_CHECKING:',
    "    # type checkers see the new package's names",
    '    # (at run time __getattr__ serves them, warned)',
    `    from ${target} import *  # noqa: F401,F403`,
  ];
  const eol = lineEnding(original);
  return `${lines.join(eol)}${eol}`;
}

async function wholeModuleShim(ctx: ShimContext, entry: RawShimEntry, text: string, file: string, layout: Layout, fail: (key: string, detail: string) => never, review: (reason: string) => void): Promise<string> {
  const dropped: string[] = [];
  const moved = await resolveMoved(ctx, entry.module, await offeredNames(text, file, ctx.modules), fail, (name) => dropped.push(name));
  if (dropped.length) {
    const to = ctx.map.moveOfModule(entry.module)?.module ?? 'its canonical module';
    review(`${entry.module} also defines ${dropped.join(', ')} (not in its __all__), which ${to} lacks: the shim does not serve ${dropped.length === 1 ? 'it' : 'them'}`);
  }
  const targets = [...new Set(moved.filter((m) => !m.reexport).map((m) => m.module))];
  const lines = [
    ...licenseHeaderLines(text, 'hash'),
    ...moduleDocstring(
      { long: `Deprecated: \`${entry.module}\` moved to \`${targets.join('`, `')}\`.`, short: `Deprecated: \`${entry.module}\` moved.`, detail: `It moved to \`${targets.join('`, `')}\`.` },
      [
        ...(entry.message ? [pythonDocstringText(entry.message)] : []),
        ...(entry.remove_after ? [`This shim is removed after ${entry.remove_after}.`] : []),
        'A compatibility shim written by remodel: it serves the old names from their canonical modules (the same objects, so one class and one ORM mapper) and warns. Import from the canonical module instead.',
      ],
      layout.limit,
    ),
    shimMarker,
  ];
  if (entry.warn === 'import') {
    const byModule = new Map<string, string[]>();
    for (const m of moved) byModule.set(m.module, [...(byModule.get(m.module) ?? []), m.name === m.old ? m.name : `${m.name} as ${m.old}`]);
    lines.push('import warnings as _warnings', '');
    for (const [module, names] of byModule) lines.push(...importLines('', module, names.join(', '), layout.limit));
    const message = entry.message ?? `${entry.module} is deprecated: import from ${targets.join(', ')}`;
    lines.push('', ...warnCall('', stringLiteral(message + removal(entry)), 'stacklevel=2', layout.limit));
  } else {
    lines.push(...getattrBlock(moved, entry, layout));
  }
  // what `from old import *` gave: the names a public definition left out of `__all__` are served by name only
  const all = moved.filter((m) => !m.unlisted).map((m) => stringLiteral(m.old));
  lines.push('', '', ...bracketed(`__all__ = [${all.join(', ')}]`, '__all__ = [', all, ']', layout.limit));
  const eol = lineEnding(text);
  return `${lines.join(eol)}${eol}`;
}

/**
 * A module that keeps some names: the moved definitions are deleted and served through the same `__getattr__`;
 * everything else stays as it was. Code left in the module that still uses a moved name gets it imported.
 */
async function nameLevelShim(ctx: ShimContext, entry: RawShimEntry, path: string, original: string, names: readonly string[], plan: ShimPlan, layout: Layout, fail: (key: string, detail: string) => never, serve = true): Promise<string> {
  const eol = lineEnding(original);
  const markerAt = original.indexOf(`${eol}${eol}${shimMarker}`);
  const text = markerAt === -1 ? original : original.slice(0, markerAt) + eol;
  const tree = await parsePython(text);
  const removals: Array<{ name: string; start: number; end: number }> = [];
  const removed = new Set<string>();
  const keptDefinitions = new Set<string>();
  try {
    for (const statement of tree.rootNode.namedChildren) {
      if (!statement) continue;
      const def = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
      const name = def?.childForFieldName('name')?.text;
      if (def?.type === 'function_definition' && name === '__getattr__') fail('module', `${entry.module} already defines its own __getattr__; remodel will not replace it`);
      if ((def?.type === 'class_definition' || def?.type === 'function_definition') && name && names.includes(name)) {
        removals.push({ name, ...definitionSpan(text, statement) });
      }
    }
    // a moved name bound another way (an assignment, a definition inside `if`/`try`) is not ours to delete
    for (const removal of removals) removed.add(removal.name);
    for (const binding of topLevelBindings(tree.rootNode)) {
      if (!names.includes(binding.name) || (removed.has(binding.name) && binding.isRemovedDefinition)) continue;
      keptDefinitions.add(binding.name);
      plan.needsReview.push({ file: path, line: binding.line, reason: `${binding.name} is still defined here (${binding.how}): delete that definition by hand, the shim cannot serve it meanwhile` });
    }
  } finally {
    tree.delete();
  }
  let withoutMoved = text;
  for (const { start, end } of [...removals].sort((a, b) => b.start - a.start)) withoutMoved = withoutMoved.slice(0, start) + withoutMoved.slice(end);
  const moved = await resolveMoved(ctx, entry.module, names.filter((name) => !keptDefinitions.has(name)).map((name) => ({ name })), fail);
  const stillUsed = await namesUsedIn(withoutMoved, names);
  await refuseImportCycles(ctx, entry.module, moved.filter((m) => stillUsed.has(m.old) && removed.has(m.old)), fail);
  // a moved name the module itself still uses is imported where its definition was, so code below it still finds it
  const edits: Edit[] = [];
  for (const { name, start, end } of removals) {
    const m = moved.find((n) => n.old === name);
    // below the module's own code: flake8 and pylint are told it stands there on purpose
    const imported = m && stillUsed.has(name) ? ['# moved; still used in this module', '# pylint: disable-next=wrong-import-position', ...importLines('', m.module, m.name === m.old ? m.name : `${m.name} as ${m.old}`, layout.limit, '  # noqa: E402')] : [];
    edits.push({ start, end, text: imported.length ? `${imported.join(eol)}${eol}${eol}${eol}` : '' });
    if (imported.length) plan.notes.push({ file: path, line: 1, message: `${name} is still used inside ${entry.module}: imported there from ${m!.module} (no warning for that name)` });
  }
  // what only the moved definitions used goes with them
  const orphans = await shimOrphans(ctx.workspace, entry.module, path, text, removals);
  edits.push(...orphans.edits);
  for (const { name, line } of orphans.removed) plan.notes.push({ file: path, line, message: `${name} was used only by the definitions that moved out of ${entry.module}: removed with them` });
  const out = applyLineDeletions(text, edits);
  const served = moved.filter((n) => !stillUsed.has(n.old));
  // every moved name imported back for the module's own code: nothing is left for a `__getattr__` to serve; or the
  // shim at the old path of a relocated module serves them
  if (!served.length || !serve) return out;
  const lines = ['', '', '', inPlaceMarker, '# (generated; re-running remodel regenerates it)', ...getattrBlock(served, entry, layout, true)];
  return `${out.replace(/(\r?\n)+$/, '')}${lines.join(eol)}${eol}`;
}

/**
 * The old module imports back, where their definitions stood, the moved names its own code still uses: a canonical
 * module that imports from the old one at its top, above those names' definitions, then makes a circular import that
 * fails when the canonical module is imported first (a module split in two). Refused, naming both.
 */
async function refuseImportCycles(ctx: ShimContext, module: string, importedBack: readonly MovedName[], fail: (key: string, detail: string) => never): Promise<void> {
  for (const target of new Set(importedBack.map((m) => m.module))) {
    const file = moduleFile(ctx, target);
    if (file === undefined) continue;
    const path = ctx.workspace.movedTo(file) ?? file;
    const served = importedBack.filter((m) => m.module === target);
    const tree = await parsePython(ctx.workspace.read(path));
    try {
      const definedAt = topLevelBindings(tree.rootNode).filter((binding) => served.some((m) => m.name === binding.name)).map((binding) => binding.line);
      const firstDefinition = Math.min(...definedAt);
      for (const statement of findImports(tree.rootNode)) {
        if (statement.kind !== 'from' || statement.node.parent?.type !== 'module' || statement.node.startPosition.row + 1 > firstDefinition) continue;
        if (ctx.modules.absolutize(file, statement.level, statement.module) !== module) continue;
        const taken = statement.wildcard ? ['*'] : statement.items.map((item) => item.name);
        const names = served.map((m) => m.old);
        const them = names.length === 1 ? 'it' : 'them';
        fail('module', `${target} imports ${taken.join(', ')} from ${module} at its top, and the shim would make ${module} import ${names.join(', ')} from ${target} where it still uses ${them}: a circular import that fails when ${target} is imported first (import ${taken.length === 1 ? 'that' : 'those'} inside the functions of ${target} that need ${taken.length === 1 ? 'it' : 'them'}, or move ${taken.length === 1 ? 'it' : 'them'} to ${target} too)`);
      }
    } finally {
      tree.delete();
    }
  }
}

/** A top-level definition with its decorators, the comments directly above it and the blank lines after it. */
function definitionSpan(text: string, statement: Node): { start: number; end: number } {
  const { start, end } = statementLines(text, statement);
  return { start, end: end + (/^(?:[ \t]*\r?\n)*/.exec(text.slice(end))?.[0].length ?? 0) };
}

async function namesUsedIn(text: string, names: readonly string[]): Promise<Set<string>> {
  const tree = await parsePython(text);
  try {
    const wanted = new Set(names);
    return new Set(analyzeScopes(tree.rootNode).uses.map((use) => use.node.text).filter((name) => wanted.has(name)));
  } finally {
    tree.delete();
  }
}

import type { IsortConfig } from './config';

export type Section = 'FUTURE' | 'STDLIB' | 'THIRDPARTY' | 'FIRSTPARTY' | 'LOCALFOLDER';
const sectionOrder: Section[] = ['FUTURE', 'STDLIB', 'THIRDPARTY', 'FIRSTPARTY', 'LOCALFOLDER'];

export interface ImportedName {
  name: string;
  alias?: string;
}

/** Comments that go with a statement: its own line's (`# noqa`), and whole lines right above it. */
export interface StatementComments {
  inline?: string;
  above: string[];
}

/** One import statement, as isort reads it: `import a, b as c` or `from .m import x, y as z`. */
export type ImportStatement = ({ kind: 'straight'; modules: ImportedName[] } | { kind: 'from'; module: string; names: ImportedName[]; magicComma?: boolean }) & { comments: StatementComments };

/** isort's `module_key`: relative dots joined by `_`, lower case unless `case_sensitive`; names typed A/B/C by `order_by_type`. */
function moduleKey(module: string, config: IsortConfig): string {
  const relative = /^(\.+)\s*(.*)$/.exec(module);
  const name = relative ? `${relative[1]}_${relative[2]}` : module;
  return config.caseSensitive ? name : name.toLowerCase();
}

function nameKey(name: string, config: IsortConfig): string {
  const type = !config.orderByType ? '' : name.length > 1 && name === name.toUpperCase() && /[A-Z]/.test(name) ? 'A' : /^[A-Z]/.test(name) ? 'B' : 'C';
  return `${type}${config.caseSensitive ? name : name.toLowerCase()}`;
}

/**
 * Where `import m` / `import m as a` sorts among straight imports: by module, the plain one first; two aliases of one
 * module in the order ruff gives them (its key holds the alias, compared naturally: `m2` before `m10`), where isort
 * keeps the file's order (5.6's output, checked).
 */
function straightKey(module: ImportedName, config: IsortConfig): string {
  const aliased = module.alias !== undefined && module.alias !== '' && module.alias !== module.name;
  const alias = aliased && config.sorter === 'ruff' ? ` ${module.alias!.replace(/\d+/g, (digits) => digits.padStart(12, '0'))}` : '';
  return `${moduleKey(module.name, config)} ${aliased ? 1 : 0}${alias}`;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
const spell = ({ name, alias }: ImportedName): string => (alias && alias !== name ? `${name} as ${alias}` : name);

/**
 * `from m import a, b` wrapped as the config's multi_line_output writes it; undefined where remodel cannot tell how isort
 * would. `split`: wrapped whatever its length (a magic trailing comma, `split_on_trailing_comma`).
 */
function fromLine(module: string, names: string[], config: IsortConfig, comment?: string, split = false): string[] | undefined {
  const start = `from ${module} import `;
  const flat = `${start}${names.join(', ')}${comment ? `  ${comment}` : ''}`;
  const forced = split || (config.forceGridWrap > 0 && names.length >= config.forceGridWrap);
  if (flat.length <= config.lineLength && !forced) return [flat];
  const comma = config.includeTrailingComma ? ',' : '';
  if (names.length === 1) return wrapLone(start, names[0]!, config, comment);
  if (comment) {
    // VERTICAL_HANGING_INDENT puts the comment after `(`; what GRID does with it is not reproduced
    if (config.multiLineOutput !== 3) return undefined;
    return [`${start}(  ${comment}`, ...names.map((n, i) => `    ${n}${i < names.length - 1 ? ',' : comma}`), ')'];
  }
  if (config.multiLineOutput === 3) return [`${start}(`, ...names.map((n, i) => `    ${n}${i < names.length - 1 ? ',' : comma}`), ')'];
  // GRID: names fill each line up to line_length, continuation lines aligned after the parenthesis; a name that does
  // not fit on a fresh line either breaks at its spaces (`X as\n Y`)
  const indent = ' '.repeat(start.length + 1);
  const lines = [`${start}(${names[0]}`];
  for (const name of names.slice(1)) {
    const last = lines[lines.length - 1]!;
    if (`${last}, ${name}`.length + 1 > config.lineLength) {
      lines[lines.length - 1] = `${last},`;
      const parts = name.split(' ');
      lines.push(`${indent}${parts[0]}`);
      for (const part of parts.slice(1)) {
        if (`${lines[lines.length - 1]} ${part}`.length + 1 > config.lineLength) lines.push(`${indent}${part}`);
        else lines[lines.length - 1] += ` ${part}`;
      }
    } else lines[lines.length - 1] = `${last}, ${name}`;
  }
  lines[lines.length - 1] += `${comma})`;
  // a grid line still too long: isort falls back to VERTICAL_GRID (names filling lines under `(`)
  return lines.some((line) => line.length > config.lineLength) ? verticalGrid(start, names, config) : lines;
}

/** isort's VERTICAL_GRID: `from m import (` then the names filling indented lines, the `)` counted on the last. */
function verticalGrid(start: string, names: string[], config: IsortConfig): string[] {
  const lines = [`${start}(`, `    ${names[0]}`];
  names.slice(1).forEach((name) => {
    const last = lines[lines.length - 1]!;
    if (`${last}, ${name}`.length + 1 > config.lineLength) {
      lines[lines.length - 1] = `${last},`;
      lines.push(`    ${name}`);
    } else lines[lines.length - 1] = `${last}, ${name}`;
  });
  lines[lines.length - 1] += `${config.includeTrailingComma ? ',' : ''})`;
  return lines;
}

/** isort's `wrap.line` for a one-name import too long for its line: at `import`, in parentheses or after a backslash. */
function wrapLone(start: string, name: string, config: IsortConfig, comment: string | undefined): string[] | undefined {
  const body = `    ${name}`;
  // a continuation line still too long is wrapped again at ` as `: not reproduced (its comment does not count)
  if (body.length > config.lineLength && name.includes(' as ')) return undefined;
  if (!config.useParentheses) return [`${start}\\`, `${body}${comment ? `  ${comment}` : ''}`];
  const comma = config.includeTrailingComma ? ',' : '';
  const vertical = config.multiLineOutput === 3;
  if (comment) return vertical ? [`${start}(`, `${body}${comma}  ${comment}`, ')'] : undefined;
  return vertical ? [`${start}(`, `${body}${comma}`, ')'] : [`${start}(`, `${body}${comma})`];
}

/**
 * One module's from-imports as isort 5 writes them. `force_single_line`: each name on its line, in order. Else, names in
 * order; then, over and over: the `as` imports at the head (a name imported plainly too first), on lines of their own;
 * once, every plainly imported name with a comment of its own (`combine_as_imports`: every `as` name with one too),
 * each on its line, in order; then the run of plain names up to the next `as` import on one line (`combine_as_imports`:
 * every name in that run). ruff keeps a commented name in its run, the list wrapped with the comment after the name.
 */
function fromLines(module: string, names: ImportedName[], config: IsortConfig, comment: string | undefined, commented: ReadonlyMap<string, string>, split: boolean): string[] | undefined {
  interface Base { name: string; plain: boolean; aliases: string[] }
  const bases = new Map<string, Base>();
  for (const { name, alias } of names) {
    const base = bases.get(name) ?? { name, plain: false, aliases: [] };
    bases.set(name, base);
    if (alias === undefined || alias === name) base.plain = true;
    else if (!base.aliases.includes(alias)) base.aliases.push(alias);
  }
  const remaining = [...bases.values()].sort(byKey((b) => nameKey(b.name, config)));
  remaining.forEach((b) => b.aliases.sort());
  const lines: Array<string[] | undefined> = [];
  const single = (text: string, own?: string): void => void lines.push(fromLine(module, [text], config, own, split));
  if (config.forceSingleLine) {
    if (comment && names.length > 1) return undefined;
    for (const b of remaining) {
      if (b.plain) single(b.name, commented.get(b.name) ?? comment);
      for (const alias of b.aliases) single(`${b.name} as ${alias}`, commented.get(`${b.name} as ${alias}`) ?? comment);
    }
    return lines.some((l) => l === undefined) ? undefined : (lines as string[][]).flat();
  }
  let first = true;
  while (remaining.length) {
    while (!config.combineAsImports && remaining[0]?.aliases.length) {
      const b = remaining.shift()!;
      if (b.plain) single(b.name, commented.get(b.name));
      for (const alias of b.aliases) single(`${b.name} as ${alias}`, commented.get(`${b.name} as ${alias}`));
    }
    // isort: a name with a comment of its own stands on its line (ruff keeps it in the list, the comment after it)
    if (first && config.sorter === 'ruff') first = false;
    if (first) {
      first = false;
      // a name with a comment of its own stands on its line, in order; combined, so does an `as` name with one
      for (const b of [...remaining]) {
        const alone = b.plain && !b.aliases.length && commented.has(b.name);
        const aliased = config.combineAsImports ? b.aliases.filter((alias) => commented.has(`${b.name} as ${alias}`)) : [];
        if (alone) single(b.name, commented.get(b.name));
        for (const alias of aliased) single(`${b.name} as ${alias}`, commented.get(`${b.name} as ${alias}`));
        b.aliases = b.aliases.filter((alias) => !aliased.includes(alias));
        if (alone || (!b.plain && !b.aliases.length)) remaining.splice(remaining.indexOf(b), 1);
      }
    }
    const run: string[] = [];
    while (remaining.length && (config.combineAsImports || !remaining[0]!.aliases.length)) {
      const b = remaining.shift()!;
      run.push(...(b.plain ? [b.name] : []), ...b.aliases.map((alias) => `${b.name} as ${alias}`));
    }
    const own = run.filter((text) => commented.has(text));
    if (own.length && run.length > 1) {
      // ruff wraps the list, each comment after its name; where isort puts them is not reproduced
      if (config.sorter !== 'ruff' || comment || config.multiLineOutput !== 3) return undefined;
      lines.push([`from ${module} import (`, ...run.map((text) => `    ${text},${commented.has(text) ? `  ${commented.get(text)}` : ''}`), ')']);
      continue;
    }
    if (run.length) lines.push(fromLine(module, run, config, own.length ? commented.get(own[0]!) : comment, split));
  }
  if (comment && lines.length > 1) return undefined; // which line isort gives a statement's comment is not reproduced
  return lines.some((l) => l === undefined) ? undefined : (lines as string[][]).flat();
}

/**
 * The text isort writes for these import statements (one region: no code between them), sections apart by one blank
 * line; undefined where the layout is one remodel does not reproduce (comments on statements that merge, say).
 */
export function renderImports(statements: readonly ImportStatement[], config: IsortConfig, place: (module: string) => Section, eol: string): string | undefined {
  interface Entry { key: string; lines: string[]; above: string[] }
  const straight = new Map<Section, Map<string, Entry>>();
  const from = new Map<Section, Map<string, { names: ImportedName[]; statements: ImportStatement[] }>>();
  for (const statement of statements) {
    if (statement.kind === 'straight') {
      if (statement.modules.length > 1 && (statement.comments.inline || statement.comments.above.length)) return undefined;
      for (const module of statement.modules) {
        const entries = straight.get(place(module.name)) ?? new Map<string, Entry>();
        straight.set(place(module.name), entries);
        const line = `import ${spell(module)}`;
        const existing = entries.get(line);
        if (existing && (statement.comments.inline || statement.comments.above.length)) return undefined;
        entries.set(line, existing ?? { key: straightKey(module, config), lines: [`${line}${statement.comments.inline ? `  ${statement.comments.inline}` : ''}`], above: statement.comments.above });
      }
      continue;
    }
    const section = place(statement.module);
    const modules = from.get(section) ?? new Map<string, { names: ImportedName[]; statements: ImportStatement[] }>();
    from.set(section, modules);
    const entry = modules.get(statement.module) ?? { names: [], statements: [] };
    modules.set(statement.module, { names: [...entry.names, ...statement.names], statements: [...entry.statements, statement] });
  }
  const blocks: string[][] = [];
  for (const section of sectionOrder) {
    const plain = [...(straight.get(section)?.values() ?? [])].sort(byKey((e) => e.key));
    const froms: Entry[] = [];
    for (const [module, { names, statements: merged }] of from.get(section) ?? []) {
      // a one-name statement's comment is that name's; a longer statement keeps its comment only standing alone
      const commented = new Map<string, string>();
      for (const statement of merged) {
        if (statement.kind !== 'from' || !statement.comments.inline || (statement.names.length > 1 && merged.length === 1)) continue;
        if (statement.names.length > 1) return undefined; // how isort shares such a comment out is not reproduced
        commented.set(spell(statement.names[0]!), statement.comments.inline);
      }
      if (merged.filter((m) => m.comments.above.length).length > 1 || (merged.length > 1 && merged.some((m) => m.comments.above.length))) return undefined;
      if (names.some((n) => n.name === '*')) {
        // a star import stands alone (how isort combines it with others is not reproduced)
        if (merged.length > 1 || names.length > 1) return undefined;
        froms.push({ key: moduleKey(module, config), lines: [`from ${module} import *${merged[0]!.comments.inline ? `  ${merged[0]!.comments.inline}` : ''}`], above: merged[0]!.comments.above });
        continue;
      }
      // a magic trailing comma in any of the module's statements keeps every line of it wrapped (ruff, isort 5.12+)
      const split = config.splitOnTrailingComma && merged.some((m) => m.kind === 'from' && m.magicComma);
      const lines = fromLines(module, names, config, merged.length === 1 && !commented.size ? merged[0]!.comments.inline : undefined, commented, split);
      if (!lines) return undefined;
      froms.push({ key: moduleKey(module, config), lines, above: merged[0]!.comments.above });
    }
    froms.sort(byKey((e) => e.key));
    if (!plain.length && !froms.length) continue;
    const entries = [...plain, ...(plain.length && froms.length ? Array<Entry>(config.linesBetweenTypes).fill({ key: '', lines: [''], above: [] }) : []), ...froms];
    blocks.push(entries.flatMap((e, i) => [...(e.above.length && i > 0 && config.ensureNewlineBeforeComments ? [''] : []), ...e.above, ...e.lines]));
  }
  return blocks.map((lines) => lines.join(eol)).join(`${eol}${eol}`);
}

import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { importMapSchema, type RawRewriteEntry } from '../importmap/schema';
import { pickCanonical, qualified, type CanonicalChoice } from './findings';
import type { AuditModel, AuditReport, DuplicateGroup } from './types';

type MapLanguage = 'python' | 'typescript';

interface Move {
  group: DuplicateGroup;
  choice: CanonicalChoice;
  old: AuditModel;
}

/** One drafted map per language that has duplicate groups (a map holds one language). */
export interface DraftMap {
  language: MapLanguage;
  /** YAML text, valid against the import-map schema */
  text: string;
  /** duplicate groups the map consolidates */
  groups: number;
}

/**
 * Drafts an import map (YAML with comments) that moves every import of a duplicate model to the
 * canonical one. The canonical of each group is picked by `pickCanonical`: the earliest `prefer`
 * glob that matches its file, then a managed Django model, then more columns, then more relationships, then more importers. Each entry carries a comment
 * with the choice and the runner-up.
 *
 * - An old module whose every public name moves to one canonical module (or also exists there)
 *   becomes a whole-module entry; otherwise the moved classes are listed under `names:`.
 * - `rename:` is added where the canonical class has another name.
 *
 * A map holds one language: with duplicates in both Python and TypeScript, this returns the map
 * of the language with more groups and names the others in its header; use `draftImportMaps` to
 * get one map per language.
 *
 * @example
 * writeFileSync('import-maps/draft.yaml', draftImportMap(report, ['db/models/**']));
 */
export function draftImportMap(report: AuditReport, prefer: readonly string[] = []): string {
  const maps = draftImportMaps(report, prefer);
  if (!maps.length) return draftFor(report, prefer, dominantLanguage(report)).text;
  const [first, ...others] = maps;
  if (!others.length) return first!.text;
  const note = others.map((m) => `# ${m.groups} ${m.language} duplicate group(s) are not in this map: draft them with draftImportMaps / one --emit-map per language.`).join('\n');
  return `${note}\n${first!.text}`;
}

/** One drafted map per language with duplicate groups, the language with most groups first. */
export function draftImportMaps(report: AuditReport, prefer: readonly string[] = []): DraftMap[] {
  return (['python', 'typescript'] as const)
    .map((language) => draftFor(report, prefer, language))
    .filter((m) => m.groups > 0)
    .sort((a, b) => b.groups - a.groups);
}

function dominantLanguage(report: AuditReport): MapLanguage {
  const ts = report.models.filter((m) => m.language === 'typescript').length;
  const py = report.models.filter((m) => m.language === 'python').length;
  return ts > py ? 'typescript' : 'python';
}

const identifier = /^[A-Za-z_$][\w$]*$/;

/**
 * Two modules that share several duplicate groups move one way: where the groups' picks disagree (each on its own
 * columns and importers), the direction most of them take wins, and the others are turned round — else the map would
 * send A to B and B to A, a cycle it cannot resolve.
 */
function oneDirectionPerPair(moves: readonly Move[]): Move[] {
  const pairOf = (move: Move): string => [move.old.module, move.choice.canonical.module].sort().join('\u0000');
  const votes = new Map<string, Map<string, number>>();
  for (const move of moves) {
    const tally = votes.get(pairOf(move)) ?? new Map<string, number>();
    tally.set(move.choice.canonical.module, (tally.get(move.choice.canonical.module) ?? 0) + 1);
    votes.set(pairOf(move), tally);
  }
  return moves.map((move) => {
    const tally = votes.get(pairOf(move))!;
    if (tally.size < 2) return move;
    const winner = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    if (move.choice.canonical.module === winner) return move;
    const reason = `${move.choice.reason}; turned round: the other duplicates these two modules share move to ${winner} (one direction per module pair, else the map would cycle)`;
    return { ...move, old: move.choice.canonical, choice: { canonical: move.old, runnerUp: move.choice.canonical, reason } };
  });
}

function draftFor(report: AuditReport, prefer: readonly string[], language: MapLanguage): DraftMap {
  const skipped: string[] = [];
  const moves: Move[] = [];
  let groups = 0;
  for (const group of report.duplicates) {
    const candidates = group.models.filter((m) => m.language === language);
    if (candidates.length < 2) {
      if (!group.models.some((m) => m.language === language)) {
        skipped.push(`${qualified(group.schema, group.table)}: ${group.models.map((m) => `${m.class} (${m.file}, ${m.orm})`).join(', ')}: no ${language} import to rewrite`);
      }
      continue;
    }
    const others = group.models.filter((m) => m.language !== language);
    if (others.length) skipped.push(`${qualified(group.schema, group.table)}: ${others.map((m) => `${m.class} (${m.file}, ${m.orm})`).join(', ')} left out: not ${language}`);
    const choice = pickCanonical(candidates, prefer);
    let counted = false;
    for (const old of candidates) {
      if (old === choice.canonical) continue;
      if (!identifier.test(old.class) || !identifier.test(choice.canonical.class)) {
        skipped.push(`${qualified(group.schema, group.table)}: ${old.class} (${old.file}) cannot be expressed: not an identifier`);
        continue;
      }
      if (old.module === choice.canonical.module && old.class === choice.canonical.class) continue;
      // TS: a class reachable only as `export default` / `module.exports =` cannot be moved by name
      const defaultOnly = [old, choice.canonical].find((m) => m.language === 'typescript' && !report.modules[m.file]?.definitions.includes(m.class));
      if (defaultOnly) {
        skipped.push(`${qualified(group.schema, group.table)}: ${old.class} (${old.file}) -> ${choice.canonical.class} (${choice.canonical.file}) not drafted: ${defaultOnly.class} is not a named export of ${defaultOnly.file}; move it by hand`);
        continue;
      }
      moves.push({ group, choice, old });
      counted = true;
    }
    if (counted) groups++;
  }

  // group the moves by old module, then decide whole-module or name-level
  const byOld = new Map<string, Move[]>();
  for (const move of oneDirectionPerPair(moves)) byOld.set(move.old.module, [...(byOld.get(move.old.module) ?? []), move]);
  const entries: Array<{ entry: RawRewriteEntry; comment: string }> = [];
  const wholeModules: string[] = [];
  for (const [oldModule, list] of [...byOld].sort((a, b) => a[0].localeCompare(b[0]))) {
    const facts = report.modules[list[0]!.old.file];
    const targets = [...new Set(list.map((m) => m.choice.canonical.module))].sort();
    const moved = new Set(list.map((m) => m.old.class));
    const targetFacts = targets.length === 1 ? report.modules[list[0]!.choice.canonical.file] : undefined;
    const alsoInTarget = new Set(targetFacts?.definitions ?? []);
    // what would break if every import of the old module went to the target: names others import from it,
    // and classes / constants it defines (a class left behind means the module lives on)
    // TS: `export default LegacyUser` of a class that moves is that class too: its default importers move with it
    const movedDefault = facts?.defaultExport !== undefined && moved.has(facts.defaultExport) ? facts.defaultExport : undefined;
    const stays = [...new Set([...(facts?.definitions ?? []).filter((d) => /^[A-Z]/.test(d)), ...(facts?.imported ?? [])])].filter(
      (name) => !moved.has(name) && !alsoInTarget.has(name) && !(name === 'default' && movedDefault),
    );
    const whole = targets.length === 1 && targets[0] !== oldModule && facts !== undefined && stays.length === 0;
    for (const target of targets) {
      const here = list.filter((m) => m.choice.canonical.module === target).sort((a, b) => a.old.class.localeCompare(b.old.class));
      const rename: Record<string, string> = {};
      for (const m of here) if (m.old.class !== m.choice.canonical.class) rename[m.old.class] = m.choice.canonical.class;
      const entry: RawRewriteEntry = { from: oldModule, to: target };
      if (!whole) entry.names = here.map((m) => m.old.class);
      const defaultMove = here.find((m) => m.old.class === movedDefault);
      if (defaultMove) {
        if (entry.names) entry.names.push('default');
        // the canonical module's own default, when it is that class; else its name
        if (report.modules[defaultMove.choice.canonical.file]?.defaultExport !== defaultMove.choice.canonical.class) rename.default = defaultMove.choice.canonical.class;
      }
      if (Object.keys(rename).length) entry.rename = rename;
      const why = whole
        ? `whole module: everything ${oldModule} defines moves${alsoInTarget.size ? ' or also exists in the target' : ''}`
        : `name-level: ${oldModule} keeps ${stays.length ? stays.slice(0, 6).join(', ') + (stays.length > 6 ? ', ...' : '') : 'names that go elsewhere'}`;
      entries.push({ entry, comment: [why, ...here.map(describe)].join('\n') });
      if (whole) wholeModules.push(oldModule);
    }
  }

  const usedRoots = language === 'python' ? [...new Set(moves.flatMap((m) => [m.old, m.choice.canonical]).map((m) => report.modules[m.file]?.root ?? '.'))].sort() : [];
  const roots = usedRoots.length ? usedRoots : ['.'];
  const raw = {
    $schema: './import-map.schema.json',
    version: 1 as const,
    language,
    root: roots.length === 1 ? roots[0]! : roots,
    rewrite: entries.map((e) => e.entry),
  };
  importMapSchema.parse(raw); // a draft that does not validate is a bug here, not the user's problem

  const doc = new Document(raw);
  const header = [
    ` Draft import map written by \`remodel audit --emit-map\` from ${report.duplicates.length} duplicate table group(s); review before use.`,
    ' Canonical pick per table: first --prefer glob' + (prefer.length ? ` (${prefer.join(', ')})` : ' (none given)') + (report.duplicates.some((group) => group.models.some((m) => m.orm === 'django')) ? ', then a managed Django model' : '') + ', then more columns, then more relationships, then more importers.',
    language === 'python'
      ? ' root: the import root(s) the module ids are relative to, relative to the audited directory (use it as --cwd).'
      : ' root: module ids are paths relative to the audited directory (use it as --cwd), without extension.',
    ...skipped.map((s) => ` skipped: ${s}`),
  ];
  doc.commentBefore = header.join('\n');
  const rewrite = doc.get('rewrite', true);
  if (isSeq(rewrite)) {
    rewrite.items.forEach((item, i) => {
      if (isMap(item)) (item as YAMLMap).commentBefore = entries[i]!.comment.split('\n').map((l) => ` ${l}`).join('\n');
    });
  }
  let text = doc.toString({ lineWidth: 0 });
  if (wholeModules.length) {
    text +=
      '# Old modules that move as a whole can stay as deprecation shims for code outside this repository:\n' +
      '# shims:\n' +
      wholeModules.map((m) => `#   - module: ${m}\n`).join('');
  }
  if (!entries.length) text = `# No ${language} import rewrite drafted${skipped.length ? " (see skipped)" : ": no duplicate models"}.\n${text}`;
  return { language, text, groups };
}

function describe(move: Move): string {
  const { old, choice, group } = move;
  const c = choice.canonical;
  const r = choice.runnerUp;
  const facts = (m: AuditModel): string => `${m.file}:${m.line}, ${plural(m.columns, 'column')}, ${plural(m.importers, 'importer')}`;
  return (
    `${qualified(group.schema, group.table)}: ${old.class} (${facts(old)}) -> ${c.class} (${facts(c)}): ${choice.reason}` +
    (r === old ? '' : `; runner-up ${r.class} (${r.file}:${r.line})`)
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { git, remodel, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * The state-only migrations of a shimmed Django app, on generated projects: an old app and its canonical twin mapping
 * the same tables (either one managed), relations between the old models (foreign keys, one-to-one, many-to-many,
 * self), other apps pointing at them by class or by label, a model staying in the old app; every migration written by
 * the real `makemigrations`, rows seeded. After `remodel apply`, Django itself must find nothing to migrate
 * (`makemigrations --check`), migrate without losing a row, and build a new database.
 */
const judge = join(repoRoot, '__tests__', 'fixtures-support', 'django_state_check.py');
const runs = Number(process.env.REMODEL_FUZZ_RUNS ?? 4);
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };

type Kind = 'ForeignKey' | 'OneToOneField' | 'ManyToManyField';
/** `later`: a nullable relation to a model defined further down (a cycle), set once both rows exist */
interface Relation { field: string; kind: Kind; to: string; byLabel: boolean; later?: boolean }
interface Model { app: string; name: string; relations: Relation[]; self?: boolean }

function random(seed: number): { int: (n: number) => number; chance: (p: number) => boolean; pick: <T>(list: readonly T[]) => T } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), chance: (p) => next() < p, pick: (list) => list[Math.floor(next() * list.length)]! };
}

interface Project {
  legacyManaged: boolean;
  legacy: Model[];
  /** canonical class name of each legacy model */
  canonical: Map<string, string>;
  others: Model[];
  extra?: Relation;
  /** a model of the canonical app of its own, pointing at an old model */
  memo?: Relation;
}

function generate(seed: number): Project {
  const r = random(seed);
  const legacy: Model[] = [];
  for (let i = 0, n = 1 + r.int(3); i < n; i++) {
    const relations: Relation[] = [];
    if (i > 0 && r.chance(0.6)) relations.push({ field: 'up', kind: r.chance(0.3) ? 'OneToOneField' : 'ForeignKey', to: `L${r.int(i)}`, byLabel: r.chance(0.3) });
    if (i > 0 && r.chance(0.3)) relations.push({ field: 'tags', kind: 'ManyToManyField', to: `L${r.int(i)}`, byLabel: false });
    legacy.push({ app: 'legacy', name: `L${i}`, relations, self: r.chance(0.2) });
  }
  // old models pointing at each other in a cycle: the first at the last, by label
  if (legacy.length > 1 && r.chance(0.4)) legacy[0]!.relations.push({ field: 'back', kind: 'ForeignKey', to: `L${legacy.length - 1}`, byLabel: true, later: true });
  const others: Model[] = [];
  for (const app of r.chance(0.5) ? ['shop', 'billing'] : ['shop']) {
    for (let i = 0, n = 1 + r.int(2); i < n; i++) {
      const relations: Relation[] = [];
      for (let k = 0, count = 1 + r.int(2); k < count; k++) relations.push({ field: `r${k}`, kind: r.pick(['ForeignKey', 'ForeignKey', 'OneToOneField', 'ManyToManyField'] as const), to: r.pick(legacy).name, byLabel: r.chance(0.4) });
      const earlier = others.filter((m) => m.app === app);
      if (earlier.length && r.chance(0.5)) relations.push({ field: 'sibling', kind: 'ForeignKey', to: r.pick(earlier).name, byLabel: false });
      others.push({ app, name: `${app[0]!.toUpperCase()}${i}`, relations });
    }
  }
  // an old model's own many-to-many keeps its join table: its columns are named after both models, which keep their
  // names (remodel does not move one that renames them); another app's many-to-many onto a renamed model is migrated
  const inJoinTables = new Set(legacy.flatMap((m) => m.relations.filter((rel) => rel.kind === 'ManyToManyField').flatMap((rel) => [rel.to, m.name])));
  const canonical = new Map(legacy.map((m) => [m.name, !inJoinTables.has(m.name) && r.chance(0.3) ? `C${m.name.slice(1)}` : m.name]));
  return {
    legacyManaged: r.chance(0.5),
    legacy,
    canonical,
    others,
    ...(r.chance(0.5) ? { extra: { field: 'stay', kind: 'ForeignKey', to: r.pick(legacy).name, byLabel: true } } : {}),
    ...(r.chance(0.4) ? { memo: { field: 'about', kind: 'ForeignKey', to: r.pick(legacy).name, byLabel: true } } : {}),
  };
}

function fieldLine(rel: Relation, target: string): string {
  const options = rel.kind === 'ManyToManyField' ? 'related_name="+"' : `${rel.later ? 'null=True, ' : ''}on_delete=models.CASCADE, related_name="+"`;
  return `    ${rel.field} = models.${rel.kind}(${target}, ${options})`;
}

function modelsModule(p: Project, app: 'legacy' | 'core'): string {
  const lines = ['from django.db import models', ''];
  const nameOf = (legacyName: string): string => (app === 'core' ? p.canonical.get(legacyName)! : legacyName);
  for (const model of p.legacy) {
    lines.push('', `class ${nameOf(model.name)}(models.Model):`, '    v = models.CharField(max_length=20, default="x")');
    if (model.self) lines.push('    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE, related_name="+")');
    for (const rel of model.relations) lines.push(fieldLine(rel, rel.byLabel ? `"${app}.${nameOf(rel.to)}"` : nameOf(rel.to)));
    const managed = (app === 'legacy') === p.legacyManaged;
    lines.push('', '    class Meta:', `        db_table = "t_${model.name.toLowerCase()}"`, ...(managed ? [] : ['        managed = False']));
  }
  if (app === 'core' && p.memo) lines.push('', 'class Memo(models.Model):', fieldLine(p.memo, `"legacy.${p.memo.to}"`));
  return `${lines.join('\n')}\n`;
}

function otherModule(p: Project, app: string): string {
  const models = p.others.filter((m) => m.app === app);
  const imported = [...new Set(models.flatMap((m) => m.relations.filter((rel) => !rel.byLabel && rel.to.startsWith('L')).map((rel) => rel.to)))].sort();
  const lines = ['from django.db import models', ...(imported.length ? ['', `from legacy.models import ${imported.join(', ')}`] : []), ''];
  for (const model of models) {
    lines.push('', `class ${model.name}(models.Model):`, '    amount = models.IntegerField(default=0)');
    for (const rel of model.relations) lines.push(fieldLine(rel, rel.byLabel ? `"legacy.${rel.to}"` : rel.to));
  }
  return `${lines.join('\n')}\n`;
}

/** Two rows per model, each relation to the target's row of the same rank; many-to-many to all of them. */
function seedScript(p: Project): string {
  const lines = ['from legacy.models import *  # noqa', ...[...new Set(p.others.map((m) => m.app))].map((app) => `from ${app}.models import *  # noqa`), ...(p.extra ? ['from legacy.extra import Extra'] : []), 'rows = {}'];
  const create = (model: Model, cls: string): void => {
    const single = model.relations.filter((rel) => rel.kind !== 'ManyToManyField' && !rel.later);
    lines.push(`rows["${model.name}"] = [${[0, 1].map((k) => `${cls}.objects.create(${single.map((rel) => `${rel.field}=rows["${rel.to}"][${k}]`).join(', ')})`).join(', ')}]`);
    for (const rel of model.relations.filter((rel) => rel.kind === 'ManyToManyField')) lines.push(`for row in rows["${model.name}"]:`, `    row.${rel.field}.add(*rows["${rel.to}"])`);
    if (model.self) lines.push(`rows["${model.name}"][1].parent = rows["${model.name}"][0]`, `rows["${model.name}"][1].save()`);
  };
  for (const model of [...p.legacy, ...p.others]) create(model, model.name);
  for (const model of p.legacy) for (const rel of model.relations.filter((rel) => rel.later)) lines.push(`for k in range(2):`, `    rows["${model.name}"][k].${rel.field} = rows["${rel.to}"][k]`, `    rows["${model.name}"][k].save()`);
  if (p.extra) lines.push(`Extra.objects.create(stay=rows["${p.extra.to}"][0])`);
  if (p.memo) lines.push('from core.models import Memo', `Memo.objects.create(about=rows["${p.memo.to}"][1])`);
  return `${lines.join('\n')}\n`;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

function project(p: Project, dir: string): void {
  const apps = ['legacy', 'core', ...new Set(p.others.map((m) => m.app))];
  write(dir, {
    'manage.py': 'import os\nimport sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proj.settings")\n    from django.core.management import execute_from_command_line\n\n    execute_from_command_line(sys.argv)\n',
    'proj/__init__.py': '',
    'proj/settings.py': `import os\n\nSECRET_KEY = "x"\nINSTALLED_APPS = ["django.contrib.contenttypes", ${apps.map((app) => (app === 'legacy' ? '"legacy.apps.LegacyConfig"' : `"${app}"`)).join(', ')}]\nDATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ.get("DATABASE_NAME", "db.sqlite3")}}\nDEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"\n`,
    'legacy/apps.py': `from django.apps import AppConfig\n\n\nclass LegacyConfig(AppConfig):\n    name = "legacy"\n${p.extra ? '\n    def ready(self):\n        from . import extra  # noqa: F401\n' : ''}`,
    'legacy/models.py': modelsModule(p, 'legacy'),
    'core/models.py': modelsModule(p, 'core'),
    ...(p.extra ? { 'legacy/extra.py': `from django.db import models\n\n\nclass Extra(models.Model):\n${fieldLine(p.extra, `"legacy.${p.extra.to}"`)}\n` } : {}),
    ...Object.fromEntries([...new Set(p.others.map((m) => m.app))].map((app) => [`${app}/models.py`, otherModule(p, app)])),
    ...Object.fromEntries(apps.flatMap((app) => [[`${app}/__init__.py`, ''], [`${app}/migrations/__init__.py`, '']])),
    'map.yaml': `version: 1\nlanguage: python\nroot: .\nrewrite:\n  - from: legacy.models\n    to: core.models\n${[...p.canonical].some(([a, b]) => a !== b) ? `    rename: { ${[...p.canonical].filter(([a, b]) => a !== b).map(([a, b]) => `${a}: ${b}`).join(', ')} }\n` : ''}shims:\n  - module: legacy.models\n`,
    'seed.py': seedScript(p),
    '.gitignore': '*.sqlite3\n',
  });
}

function python(args: string[], cwd: string): string {
  const run = spawnSync('/usr/bin/python3', args, { cwd, encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

describe('Django state moves on generated projects (fast-check)', () => {
  it(`leave Django nothing to migrate and every row in place, on ${runs} generated projects`, async () => {
    await fc.assert(
      // REMODEL_DJANGO_SEED=<seed of a failure> replays that one project
      fc.asyncProperty(process.env.REMODEL_DJANGO_SEED ? fc.constant(Number(process.env.REMODEL_DJANGO_SEED)) : fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const p = generate(seed);
        const dir = temporaryFolder('remodel-django-');
        project(p, dir);
        python(['-B', 'manage.py', 'makemigrations', '-v', '0'], dir);
        git(['init', '-q', '-b', 'main'], dir);
        git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A'], dir);
        git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before'], dir);
        const database = join(dir, 'db.sqlite3');
        const before = JSON.parse(python([judge, dir, 'seed', database], dir)) as { counts: Record<string, number> };

        const applied = remodel(['apply', '--map', 'map.yaml'], dir);
        if (applied.status !== 0) throw new Error(`seed ${seed} (${dir}): ${applied.stderr}`);
        if (!/state_to_core\.py/.test(applied.stderr)) throw new Error(`seed ${seed} (${dir}): no state migration written:\n${applied.stderr}`);
        const after = JSON.parse(python([judge, dir, 'check', database], dir)) as Record<string, unknown>;
        expect({ seed, ...after }).toEqual({ seed, makemigrations: [0, 'No changes detected'], migrate: [0, ''], fresh: [0, ''], counts: before.counts });
      }),
      // seed 18: two old models in a cycle (a one-to-one up, a foreign key back): a RemoveField breaks it, first
      { numRuns: runs, examples: process.env.REMODEL_DJANGO_SEED ? [] : [[18]] },
    );
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ignore from 'ignore';
import * as ts from 'typescript';
import { apply, plan, readImportMap, type NeedsReview } from '../../src';
import { fixtureFolders, fixturePairs, fixturesRoot } from '../support/fixtures';
import { makeTempRepo } from '../support/tempRepo';

/*
 * Issue 18, item 6: every import of an old module that a plan leaves in place is listed for review. For every
 * fixture (pairs and folders), the tree after apply is searched for surviving imports of the map's old modules by
 * judges written apart from remodel (Python's `ast`, the TypeScript compiler's own resolution), and each one must sit
 * on a line the plan listed under needs-review. The old modules themselves (kept, shims) are not judged.
 */
interface Rule {
  from: string;
  names: string[] | null;
  package: boolean;
}

interface Survivor {
  file: string;
  first: number;
  last: number;
}

const SHIM_MARKER = 'remodel: deprecation shim';

function pythonSurvivors(root: string, rules: Rule[]): Survivor[] {
  const rulesFile = join(root, '.survivor-rules.json');
  writeFileSync(rulesFile, JSON.stringify(rules));
  const out = execFileSync('/usr/bin/python3', [join(__dirname, '..', 'fixtures-support', 'old_references.py'), root, rulesFile], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [file, first, last] = line.split(':') as [string, string, string];
      return { file, first: Number(first), last: Number(last) };
    });
}

const SOURCE = /\.(tsx?|mts|cts|jsx?|mjs|cjs)$/;
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];

function filesOf(root: string, test: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (test.test(entry.name)) out.push(full);
    }
  };
  walk(root);
  return out;
}

/** The files an old path module id named before the plan (its file, or its folder's index). */
function oldTargets(root: string, id: string): string[] {
  const base = resolve(root, id);
  return [...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`)), base];
}

function typescriptSurvivors(root: string, rules: Rule[]): Survivor[] {
  const configFile = ts.findConfigFile(root, ts.sys.fileExists);
  const options = configFile ? ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, dirname(configFile)).options : { allowJs: true };
  const isPath = (id: string): boolean => id.startsWith('.') || existsSync(resolve(root, id.split('/')[0]!));
  const survivors: Survivor[] = [];
  for (const file of filesOf(root, SOURCE)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      let specifier: ts.Expression | undefined;
      let names: string[] | undefined;
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
        specifier = node.moduleSpecifier;
        const clause = ts.isImportDeclaration(node) ? node.importClause?.namedBindings : node.exportClause;
        names = clause && (ts.isNamedImports(clause) || ts.isNamedExports(clause)) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : undefined;
      } else if (ts.isCallExpression(node) && node.arguments.length === 1 && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
        specifier = node.arguments[0];
      }
      if (specifier && ts.isStringLiteralLike(specifier)) {
        const resolved = ts.resolveModuleName(specifier.text, file, options, ts.sys).resolvedModule?.resolvedFileName;
        const written = resolve(dirname(file), specifier.text);
        for (const rule of rules) {
          const named = isPath(rule.from) ? oldTargets(root, rule.from).some((target) => target === resolved || target === written || EXTENSIONS.some((ext) => target === written + ext)) : specifier.text === rule.from || (rule.package && specifier.text.startsWith(`${rule.from}/`));
          const folder = rule.package && isPath(rule.from) && resolved !== undefined && resolved.startsWith(`${resolve(root, rule.from)}/`);
          if (!named && !folder) continue;
          if (rule.names && !(names ?? []).some((name) => rule.names!.includes(name))) continue;
          const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          survivors.push({ file: relative(root, file), first, last: source.getLineAndCharacterOfPosition(node.end).line + 1 });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return survivors;
}

/** The old modules' own files (kept, or shims at their path) are not importers to judge. */
function isOldModuleFile(root: string, file: string, rules: Rule[], language: string): boolean {
  const text = readFileSync(join(root, file), 'utf8');
  if (text.includes(SHIM_MARKER)) return true;
  const id = language === 'python' ? file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.') : file.replace(/\.(d\.)?[mc]?[tj]sx?$/, '').replace(/\/index$/, '');
  return rules.some((rule) => id === rule.from || id.startsWith(`${rule.from}${language === 'python' ? '.' : '/'}`));
}

async function unlisted(tree: string, language: string, changeInput?: (repo: ReturnType<typeof makeTempRepo>) => void): Promise<string[]> {
  const repo = makeTempRepo(tree);
  try {
    changeInput?.(repo);
    const mapFile = join(repo.dir, 'map.yaml');
    const map = readImportMap(mapFile);
    const rules: Rule[] = map.rules.filter((rule) => !rule.derived).map((rule) => ({ from: rule.from, names: rule.names ? [...rule.names] : null, package: rule.package }));
    if (!rules.length) return [];
    const computed = await plan({ cwd: repo.dir, maps: [mapFile] });
    apply(computed);
    // what the repository ignores (generated code) is not remodel's to rewrite
    const gitignore = join(repo.dir, '.gitignore');
    const ignored = ignore().add(existsSync(gitignore) ? readFileSync(gitignore, 'utf8') : '');
    const survivors = (language === 'python' ? pythonSurvivors(repo.dir, rules) : typescriptSurvivors(repo.dir, rules)).filter((item) => !ignored.ignores(item.file) && !isOldModuleFile(repo.dir, item.file, rules, language));
    const failed = new Set(computed.failures.map((item) => item.file));
    // listed on the import itself, or in the same file naming the old module (a use that keeps the import alive)
    const names = (review: NeedsReview): boolean => rules.some((rule) => new RegExp(`(^|[^\\w.])${rule.from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`).test(review.reason));
    const listed = (item: Survivor): boolean => failed.has(item.file) || computed.needsReview.some((review: NeedsReview) => review.file === item.file && ((review.line >= item.first && review.line <= item.last) || names(review)));
    return survivors.filter((item) => !listed(item)).map((item) => `${item.file}:${item.first}`);
  } finally {
    repo.dispose();
  }
}

const languageOfTree = (dir: string): string => (/language:\s*python/.test(readFileSync(join(dir, 'map.yaml'), 'utf8')) ? 'python' : 'typescript');

describe('no import of an old module survives a plan unlisted', () => {
  for (const transform of ['rewrite-imports', 'move-files', 'insert-shims']) {
    for (const { name, dir } of fixtureFolders(transform)) {
      const input = join(dir, 'input');
      if (!existsSync(join(input, 'map.yaml'))) continue;
      it(`${transform}/${name}`, async () => {
        expect(await unlisted(input, languageOfTree(input))).toEqual([]);
      });
    }
  }

  for (const pair of fixturePairs('rewrite-imports')) {
    const language = pair.ext === 'py' ? 'python' : 'typescript';
    const path = pair.options.path ?? (language === 'python' ? 'app/consumer.py' : `src/consumer.${pair.ext}`);
    it(`rewrite-imports/${pair.name}.${pair.ext}`, async () => {
      const found = await unlisted(join(fixturesRoot, 'rewrite-imports', `_repo.${language}`), language, (repo) => repo.write(path, pair.input));
      expect(found.filter((where) => where.startsWith(`${path}:`))).toEqual([]);
    });
  }
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { apply, plan } from '../../src';
import { typescriptAdapter } from '../../src/languages/typescript';
// the project's own compiler (a devDependency): ts-morph's copy ships without the lib .d.ts files
import * as ts from 'typescript';
import { applyEdits, copyToTemp, loadMap, workspaceOf } from './support';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'ts-app');
const MAP = path.join(__dirname, '..', '..', 'import-maps', 'ts-app.yaml');

/** Every diagnostic the compiler reports for the project (what `tsc --noEmit -p DIR` prints). */
function typeCheck(dir: string): string[] {
  const configFile = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

/** Plans the map over the tree and writes the edits; returns the changed files. */
async function rewriteTree(dir: string): Promise<string[]> {
  const workspace = workspaceOf(dir);
  const prepared = await typescriptAdapter.prepare(loadMap(MAP), workspace);
  const changed: string[] = [];
  for (const file of workspace.files.filter((f) => typescriptAdapter.owns(f))) {
    const text = workspace.read(file);
    if (!prepared.needles.some((needle) => text.includes(needle))) continue;
    const result = await typescriptAdapter.planRewrite({ path: file, text }, prepared);
    if (result.kind === 'failed') throw new Error(`${file}: ${result.error}`);
    if (result.kind !== 'changed') continue;
    fs.writeFileSync(path.join(dir, file), applyEdits(text, result.edits));
    changed.push(file);
  }
  return changed;
}

describe('examples/ts-app with import-maps/ts-app.yaml', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyToTemp(EXAMPLE, 'remodel-ts-app-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('type-checks before, is rewritten, type-checks after, and a second pass finds nothing', async () => {
    expect(typeCheck(dir)).toEqual([]);
    expect(await rewriteTree(dir)).toEqual([
      'src/api/handlers.ts',
      'src/legacy/entities/index.ts',
      'src/services/booking.service.test.ts',
      'src/services/booking.service.ts',
    ]);
    expect(typeCheck(dir)).toEqual([]);
    const service = fs.readFileSync(path.join(dir, 'src/services/booking.service.ts'), 'utf8');
    expect(service).toContain("import { Booking, type BookingStatus } from '@/db/entities/booking.entity';");
    expect(service).toContain("import { Customer } from '../db/entities/customer.entity';");
    expect(service).toContain('export function guests(...LegacyCustomer: string[]): GuestList {');
    expect(await rewriteTree(dir)).toEqual([]);
  });
});

describe('examples/ts-app, full consolidation: rewrite, move, shims', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyToTemp(EXAMPLE, 'remodel-ts-app-full-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('moves the losing copy, leaves deprecated shims at the old paths, type-checks, and a re-run changes nothing', async () => {
    const computed = await plan({ cwd: dir, maps: [MAP], jobs: 1 });
    expect(computed.failures).toEqual([]);
    expect(computed.needsReview).toEqual([]);
    apply(computed);
    expect(computed.changes.map((c) => (c.movedFrom ? `${c.movedFrom} -> ${c.path}` : c.path))).toEqual([
      'src/api/handlers.ts',
      'src/legacy/entities/booking.entity.ts -> src/legacy/entities/DEPRECATED/booking.entity.ts',
      'src/legacy/entities/booking.entity.ts',
      'src/legacy/entities/index.ts',
      'src/legacy/entities/people.ts',
      'src/services/booking.service.test.ts',
      'src/services/booking.service.ts',
    ]);
    expect(typeCheck(dir)).toEqual([]);
    // the moved copy's own imports still reach the ORM helpers
    expect(fs.readFileSync(path.join(dir, 'src/legacy/entities/DEPRECATED/booking.entity.ts'), 'utf8')).toContain("from '../../../lib/orm';");
    const shim = fs.readFileSync(path.join(dir, 'src/legacy/entities/booking.entity.ts'), 'utf8');
    expect(shim).toContain('remodel: deprecation shim');
    expect(shim).toMatch(/export \{\n {2}\/\*\* @deprecated [^\n]*\*\/\n {2}type BookingStatus,\n {2}\/\*\* @deprecated [^\n]*\*\/\n {2}Booking,\n\} from '..\/..\/db\/entities\/booking.entity';/);
    expect(shim).toContain("process.emitWarning(");
    const people = fs.readFileSync(path.join(dir, 'src/legacy/entities/people.ts'), 'utf8');
    expect(people).toContain("import { Customer as LegacyCustomer } from '../../db/entities/customer.entity';");
    expect(people).toMatch(/export \{\n {2}\/\*\* @deprecated [^\n]*\*\/\n {2}LegacyCustomer,\n\};/);
    expect(people).toContain('export class GuestList {');
    const again = await plan({ cwd: dir, maps: [MAP], jobs: 1 });
    expect(again.changes).toEqual([]);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
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

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { remodel, repoRoot } from '../support/cli';
import { temporaryFolder } from '../support/temporary';

/*
 * Issue 22, item 1: code still on an old path (another repository, a plugin) keeps its static types through every
 * kind of Python shim — whole module, rename, name-level, package move — as the real mypy (Debian) and pyright (npm)
 * see them: the revealed types are the canonical ones, and a wrong attribute is still an error (not `Any`).
 */
const files: Record<string, string> = {
  'canon/__init__.py': '',
  'canon/models.py': 'class Booking:\n    def total(self) -> int:\n        return 1\n\n\nclass StationUser:\n    name: str = ""\n\n\nclass SocialAccount:\n    handle: str = ""\n\n\ndef make_booking() -> Booking:\n    return Booking()\n',
  'old/__init__.py': '',
  'old/booking.py': 'class Booking:\n    def total(self) -> int:\n        return 1\n\n\ndef make_booking() -> Booking:\n    return Booking()\n',
  'old/station.py': 'class UserStationAssignment:\n    name: str = ""\n',
  'old/social.py': 'class SocialAccount:\n    handle: str = ""\n\n\ndef normalize(handle: str) -> str:\n    return handle.lower()\n',
  'oldpkg/__init__.py': 'from .items import Item\n',
  'oldpkg/items.py': 'class Item:\n    sku: str = ""\n',
  'newpkg/__init__.py': 'from .items import Item\n\n__all__ = ["Item"]\n',
  'newpkg/items.py': 'class Item:\n    sku: str = ""\n',
  'map.yaml': [
    'version: 1',
    'language: python',
    'root: .',
    'rewrite:',
    '  - { from: old.booking, to: canon.models }',
    '  - { from: old.station, to: canon.models, rename: { UserStationAssignment: StationUser } }',
    '  - { from: old.social, to: canon.models, names: [SocialAccount] }',
    '  - { from: oldpkg, to: newpkg, package: true }',
    'shims:',
    '  - module: old.booking',
    '  - module: old.station',
    '  - module: old.social',
    '  - module: oldpkg',
    '',
  ].join('\n'),
};

/** What an untouched consumer on the old paths asks the type checkers. */
const consumer = [
  'from old.booking import Booking, make_booking',
  'from old.station import UserStationAssignment',
  'from old.social import SocialAccount, normalize',
  'from oldpkg import Item',
  '',
  'reveal_type(Booking)',
  'reveal_type(make_booking())',
  'reveal_type(UserStationAssignment)',
  'reveal_type(SocialAccount)',
  'reveal_type(Item)',
  'reveal_type(normalize)',
  'Booking().nonexistent',
  'UserStationAssignment().nonexistent',
  '',
].join('\n');

let dir: string;
beforeAll(() => {
  dir = temporaryFolder('remodel-shim-types-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const applied = remodel(['apply', '--map', 'map.yaml'], dir);
  expect(applied.stderr).not.toMatch(/error/i);
  expect(applied.status).toBe(0);
  writeFileSync(join(dir, 'consumer.py'), consumer);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Python shims keep static types', () => {
  it('mypy reveals the canonical classes and functions through every shim kind, and still catches a wrong attribute', () => {
    const result = spawnSync('mypy', ['--no-incremental', '--cache-dir=/dev/null', '--follow-imports=normal', 'consumer.py'], { cwd: dir, encoding: 'utf8' });
    const notes = result.stdout.split('\n').filter((line) => line.includes('Revealed type'));
    expect(notes).toEqual([
      'consumer.py:6: note: Revealed type is "def () -> canon.models.Booking"',
      'consumer.py:7: note: Revealed type is "canon.models.Booking"',
      'consumer.py:8: note: Revealed type is "def () -> canon.models.StationUser"',
      'consumer.py:9: note: Revealed type is "def () -> canon.models.SocialAccount"',
      'consumer.py:10: note: Revealed type is "def () -> newpkg.items.Item"',
      'consumer.py:11: note: Revealed type is "def (handle: builtins.str) -> builtins.str"',
    ]);
    expect(result.stdout).toContain('consumer.py:12: error: "Booking" has no attribute "nonexistent"');
    expect(result.stdout).toContain('consumer.py:13: error: "StationUser" has no attribute "nonexistent"');
  });

  it('pyright reveals the same and reports the same wrong attributes', () => {
    const bin = join(repoRoot, 'node_modules', 'pyright', 'index.js');
    const result = spawnSync(process.execPath, [bin, '--outputjson', 'consumer.py'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(result.stdout) as { generalDiagnostics: Array<{ message: string; range: { start: { line: number } } }> };
    const at = (line: number): string[] => report.generalDiagnostics.filter((d) => d.range.start.line === line - 1).map((d) => d.message);
    expect(at(6)).toEqual(['Type of "Booking" is "type[Booking]"']);
    expect(at(7)).toEqual(['Type of "make_booking()" is "Booking"']);
    expect(at(8)).toEqual(['Type of "UserStationAssignment" is "type[StationUser]"']);
    expect(at(9)).toEqual(['Type of "SocialAccount" is "type[SocialAccount]"']);
    expect(at(10)).toEqual(['Type of "Item" is "type[Item]"']);
    expect(at(12).join('\n')).toMatch(/Cannot access attribute "nonexistent" for class "Booking"/);
    expect(at(13).join('\n')).toMatch(/Cannot access attribute "nonexistent" for class "StationUser"/);
  });
});

import type { FileScan, ScannedImport } from '../types';
import { parsePython } from '../../../languages/python/syntax';
import { PythonFileFacts, readPythonFile } from './facts';
import { collectImports } from './imports';
import { resolveModels } from './resolve';

/**
 * ORM model scanners for Python: SQLAlchemy (declarative classes, `Table(...)`, Flask-SQLAlchemy
 * `db.Model`) and Django (`models.Model`), with the file's imports for the audit's importer count.
 *
 * Scanning is two-phase: each file is parsed on its own into class facts, then bases are resolved
 * across files by class name (same file first) so that mixins, abstract bases and indirect Django
 * bases are handled as the ORMs handle them.
 *
 * @example
 * const scans = await scanPythonModels([{ file: 'models/booking.py', text }]);
 * scans[0].models; // [{ class: 'Booking', orm: 'sqlalchemy', table: 'bookings', schema: null, ... }]
 */
export async function scanPythonModels(files: ReadonlyArray<{ file: string; text: string }>): Promise<FileScan[]> {
  const facts: PythonFileFacts[] = [];
  for (const { file, text } of files) facts.push(await readPythonFile(file, text));
  return resolveModels(facts);
}

/** The imports of one Python file (every `import` / `from ... import` statement, at any depth). */
export async function findPythonImports(text: string): Promise<ScannedImport[]> {
  const tree = await parsePython(text);
  try {
    return collectImports(tree.rootNode);
  } finally {
    tree.delete();
  }
}

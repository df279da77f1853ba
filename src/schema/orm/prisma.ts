import type { FileScan, ScannedModel, ScannedReference } from './types';

const scalarTypes = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);

interface PrismaBlock {
  keyword: 'model' | 'enum' | 'type' | 'view' | 'datasource' | 'generator';
  name: string;
  line: number;
  body: Array<{ line: number; text: string }>;
}

/**
 * Scans Prisma schema files (several files form one schema, as with `prismaSchemaFolder`):
 * `model X { ... }` maps table `X` unless `@@map("name")`; `@@schema("s")` names the schema.
 * Scalar and enum fields count as columns, fields typed with another model as relationships;
 * a field whose type is no scalar, enum, composite type or model of the schema is dangling.
 *
 * @example
 * scanPrismaSchemas([{ file: 'prisma/schema.prisma', text }])[0].models[0];
 * // { class: 'User', orm: 'prisma', table: 'users', schema: 'auth', ... }
 */
export function scanPrismaSchemas(files: ReadonlyArray<{ file: string; text: string }>): FileScan[] {
  const parsed = files.map(({ file, text }) => ({ file, ...readBlocks(text) }));
  const known = new Set<string>();
  for (const { blocks } of parsed) for (const block of blocks) if (block.keyword !== 'datasource' && block.keyword !== 'generator') known.add(block.name);
  const modelNames = new Set(parsed.flatMap(({ blocks }) => blocks.filter((b) => b.keyword === 'model').map((b) => b.name)));

  return parsed.map(({ file, blocks, failure }): FileScan => {
    const models: ScannedModel[] = [];
    const references: ScannedReference[] = [];
    for (const block of blocks) {
      if (block.keyword !== 'model') continue;
      let table = block.name;
      let derived = true;
      let schema: string | null = null;
      let columns = 0;
      let relationships = 0;
      for (const { line, text } of block.body) {
        const attribute = /^@@(map|schema)\(\s*(?:name\s*:\s*)?"([^"]*)"/.exec(text);
        if (attribute) {
          if (attribute[1] === 'map') {
            table = attribute[2]!;
            derived = false;
          } else schema = attribute[2]!;
          continue;
        }
        if (text.startsWith('@@')) continue;
        const field = /^(\w+)\s+([A-Za-z_]\w*)(\[\])?(\?)?/.exec(text);
        if (!field) continue;
        const type = field[2]!;
        if (scalarTypes.has(type)) columns++;
        else if (modelNames.has(type)) {
          relationships++;
          references.push({ from: block.name, line, kind: 'relationship', class: type, text: text.split(/\s+/).slice(0, 2).join(' ') });
        } else if (known.has(type)) columns++;
        else {
          // unknown type: a model that no schema file defines
          relationships++;
          references.push({ from: block.name, line, kind: 'relationship', class: type, text: text.split(/\s+/).slice(0, 2).join(' ') });
        }
      }
      models.push({ class: block.name, orm: 'prisma', line: block.line, table, schema, derivedTable: derived, columns, relationships });
    }
    return { file, language: 'prisma', models, references, imports: [], definitions: models.map((m) => m.class), ...(failure ? { failure } : {}) };
  });
}

function readBlocks(text: string): { blocks: PrismaBlock[]; failure?: { line: number; error: string } } {
  const lines = text.split(/\r?\n/);
  const blocks: PrismaBlock[] = [];
  let current: PrismaBlock | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (!current) {
      const open = /^(model|enum|type|view|datasource|generator)\s+(\w+)\s*\{$/.exec(line);
      if (open) {
        current = { keyword: open[1] as PrismaBlock['keyword'], name: open[2]!, line: i + 1, body: [] };
        continue;
      }
      return { blocks, failure: { line: i + 1, error: `unexpected text outside a block: ${line.slice(0, 60)}` } };
    }
    if (line === '}') {
      blocks.push(current);
      current = undefined;
      continue;
    }
    if (/^(model|enum|type|view)\s+\w+\s*\{$/.test(line)) {
      return { blocks, failure: { line: current.line, error: `block '${current.name}' is not closed` } };
    }
    current.body.push({ line: i + 1, text: line });
  }
  if (current) return { blocks, failure: { line: current.line, error: `block '${current.name}' is not closed` } };
  return { blocks };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMapJsonSchema } from '../src/importmap/schema';

const target = join(__dirname, '..', '..', 'import-maps', 'import-map.schema.json');
writeFileSync(target, JSON.stringify(importMapJsonSchema(), null, 2) + '\n');
process.stdout.write(`wrote ${target}\n`);

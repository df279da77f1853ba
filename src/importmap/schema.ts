import { z } from 'zod';

const moduleId = z
  .string()
  .min(1)
  .describe('Python: a dotted module name. TypeScript: a path relative to the repository root without extension, or a bare package specifier.');

const identifier = z.string().regex(/^[A-Za-z_$][\w$]*$/, 'must be an identifier');

export const rewriteEntrySchema = z
  .object({
    from: moduleId.describe('the old module'),
    to: moduleId.describe('the canonical module'),
    names: z
      .array(identifier)
      .min(1)
      .optional()
      .describe('name-level move: only these names move; without it, the whole module moves'),
    rename: z
      .record(identifier, identifier)
      .optional()
      .describe('old name -> new name, applied on the way'),
    package: z
      .boolean()
      .optional()
      .describe('the entry also covers every submodule of `from`, by prefix'),
    barrels: z
      .enum(['keep', 'follow'])
      .optional()
      .describe('a renamed name re-exported by a barrel (__init__.py, __all__, index.ts): keep its public name there (default), or follow the rename in the barrel and its consumers'),
    external: z
      .boolean()
      .optional()
      .describe('Python: `to` is installed (a shared package), not in the repository and not in its virtualenv: accepted, its names unchecked'),
  })
  .strict();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date, YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'must be a real date, YYYY-MM-DD');

export const shimEntrySchema = z
  .object({
    module: moduleId.describe('the old module that becomes a deprecation shim'),
    message: z.string().min(1).optional().describe('the deprecation message'),
    warn: z.enum(['import', 'access']).optional().describe('Python: warn once on import, or on each access to a moved name (default)'),
    runtimeWarning: z.boolean().optional().describe('TypeScript: emit one DeprecationWarning per process'),
    remove_after: isoDate.optional().describe('the day after which the shim goes: its warning says so, and `remodel check` fails while it is still there'),
  })
  .strict();

export const relocateEntrySchema = z
  .object({
    from: z.string().min(1).describe('file or folder, relative to the repository root'),
    to: z.string().min(1).describe('destination, relative to the repository root'),
  })
  .strict();

const tableName = z
  .string()
  .regex(/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*)?$/, 'must be a table name, optionally schema-qualified (schema.table)')
  .describe('a table as the database names it; `schema.table` names the table in that schema, a bare name the default schema');

export const tableEntrySchema = z
  .object({
    from: tableName.describe('the table as the database names it today'),
    to: tableName.describe('its new name (in the same schema)'),
    merge: z.boolean().optional().describe('copy the rows of `from` into `to` instead of renaming (not supported yet)'),
  })
  .strict();

export const migrationsSchema = z
  .object({
    alembic: z.string().min(1).optional().describe("Alembic's script directory (alembic.ini script_location), relative to the repository root"),
    django: z.string().min(1).optional().describe('the Django project folder holding the apps, relative to the repository root'),
  })
  .strict();

export const defaultsSchema = z
  .object({
    barrels: rewriteEntrySchema.shape.barrels,
    remove_after: shimEntrySchema.shape.remove_after,
  })
  .strict();

export const importMapSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    language: z.enum(['python', 'typescript']),
    root: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .optional()
      .describe('relative to the repository root; Python: import root(s); TypeScript: the folder whose tsconfig governs resolution'),
    rewrite: z.array(rewriteEntrySchema).optional(),
    shims: z.array(shimEntrySchema).optional(),
    relocate: z.array(relocateEntrySchema).optional(),
    tables: z.array(tableEntrySchema).optional().describe('tables to rename: the models follow, and a migration that keeps every row is generated'),
    migrations: migrationsSchema.optional().describe('where the migrations live (detected when absent: alembic.ini, Django apps)'),
    defaults: defaultsSchema.optional().describe('values every rewrite entry (barrels) and shim (remove_after) gets unless it sets its own'),
  })
  .strict()
  .describe('remodel import map, version 1');

export type RawImportMap = z.infer<typeof importMapSchema>;
export type RawRewriteEntry = z.infer<typeof rewriteEntrySchema>;
export type RawShimEntry = z.infer<typeof shimEntrySchema>;
export type RawRelocateEntry = z.infer<typeof relocateEntrySchema>;
export type RawTableEntry = z.infer<typeof tableEntrySchema>;
export type RawMigrations = z.infer<typeof migrationsSchema>;

/** The JSON Schema committed as `import-maps/import-map.schema.json`, generated from the zod source. */
export function importMapJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(importMapSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://remodel.dev/import-map.schema.json',
    title: 'remodel import map',
  };
}

// The Alembic operations a drift finding's fix spells: code a user can paste into a revision (`op`, `sa` imported).
import type { ColumnSchema, TableSchema } from './model';

/** A Python string literal of a name (a table, column or constraint name). */
export const py = (value: string): string => JSON.stringify(value);

/**
 * The SQLAlchemy type expression (`sa.*`, as Alembic's revisions import it) of a normalised type, for a fix a user can
 * paste into a revision; undefined where no `sa` type says it (`jsonb`, `uuid`, `enum`: dialect types or arguments
 * the normalised form does not keep).
 */
export function saTypeExpression(type: string | undefined): string | undefined {
  const sized = /^(varchar|char|numeric)\((\d+)(?:,(\d+))?\)$/.exec(type ?? '');
  if (sized) {
    const [, name, first, second] = sized;
    if (name === 'numeric') return `sa.Numeric(precision=${first}${second ? `, scale=${second}` : ''})`;
    return `sa.${name === 'varchar' ? 'String' : 'CHAR'}(length=${first})`;
  }
  const plain: Record<string, string> = {
    varchar: 'sa.String()', char: 'sa.CHAR()', text: 'sa.Text()', integer: 'sa.Integer()', bigint: 'sa.BigInteger()', smallint: 'sa.SmallInteger()',
    boolean: 'sa.Boolean()', datetime: 'sa.DateTime()', 'datetime(tz)': 'sa.DateTime(timezone=True)', date: 'sa.Date()', time: 'sa.Time()',
    interval: 'sa.Interval()', numeric: 'sa.Numeric()', float: 'sa.Float()', json: 'sa.JSON()', blob: 'sa.LargeBinary()',
  };
  return type === undefined ? undefined : plain[type];
}

/** `sa.Column("phone", sa.String(length=20), nullable=False)`: `...` for a type no `sa` type says. */
export function columnExpression(column: ColumnSchema): string {
  const parts = [py(column.name), saTypeExpression(column.type) ?? '...'];
  if (column.primaryKey) parts.push('primary_key=True');
  else if (!column.nullable) parts.push('nullable=False');
  if (column.serverDefault) parts.push(`server_default=${column.serverDefault.written}`);
  return `sa.Column(${parts.join(', ')})`;
}

/** `op.create_table(...)` of a model's table: its columns, foreign keys and unique constraints (indexes are ops of their own). */
export function createTableOp(table: TableSchema): string {
  const parts = [py(table.name), ...[...table.columns.values()].map(columnExpression)];
  for (const fk of table.foreignKeys) {
    const target = fk.target.columns.map((column) => `${fk.target.schema ? `${fk.target.schema}.` : ''}${fk.target.table}.${column}`);
    parts.push(`sa.ForeignKeyConstraint([${fk.columns.map(py).join(', ')}], [${target.map(py).join(', ')}]${fk.name ? `, name=${py(fk.name)}` : ''})`);
  }
  for (const unique of table.uniques) parts.push(`sa.UniqueConstraint(${[...unique.columns.map(py), ...(unique.name && !unique.derivedName ? [`name=${py(unique.name)}`] : [])].join(', ')})`);
  if (table.schema) parts.push(`schema=${py(table.schema)}`);
  return `op.create_table(${parts.join(', ')})`;
}

/** A TypeORM-shaped decorator set, just enough for the example to look like an ORM model and type-check. */
export type ColumnType = 'varchar' | 'int' | 'timestamp' | 'enum';

const tables = new Map<Function, string>();

export function Entity(table: string) {
  return (target: Function): void => {
    tables.set(target, table);
  };
}

export function Column(_type: ColumnType = 'varchar') {
  return (_target: object, _property: string): void => {};
}

export function PrimaryColumn() {
  return (_target: object, _property: string): void => {};
}

export function tableOf(entity: Function): string | undefined {
  return tables.get(entity);
}

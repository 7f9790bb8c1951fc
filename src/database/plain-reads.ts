import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

interface PlainSelect {
  /** `SELECT <every column> FROM <table>` */
  sql: string;
  columns: EntityMetadata['columns'];
}

/** Built once per entity. */
const selects = new WeakMap<EntityMetadata, PlainSelect>();

function selectOf(manager: EntityManager, metadata: EntityMetadata): PlainSelect {
  let select = selects.get(metadata);
  if (!select) {
    const { driver } = manager.connection;
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    const list = columns.map((column) => driver.escape(column.databaseName)).join(', ');
    select = { sql: `SELECT ${list} FROM ${driver.escape(metadata.tableName)}`, columns };
    selects.set(metadata, select);
  }
  return select;
}

/**
 * Entities read with plain SQL and hydrated the way TypeORM hydrates them (its driver's value
 * conversions and the columns' transformers), for the hottest reads: building a query with
 * TypeORM's query builder costs more CPU than PostgreSQL spends answering a primary-key lookup.
 * `where` and `orderBy` are SQL over column names, with `$n` parameters; `forUpdate` locks the rows
 * for the rest of the transaction.
 */
export async function findByPlainSql<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: string,
  parameters: readonly unknown[],
  options: { orderBy?: string; forUpdate?: boolean } = {},
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(target);
  const { sql, columns } = selectOf(manager, metadata);
  const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
  const rows = await manager.query<Array<Record<string, unknown>>>(
    `${sql} WHERE ${where}${order}${options.forUpdate ? ' FOR UPDATE' : ''}`,
    [...parameters],
  );
  const { driver } = manager.connection;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of columns) {
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  });
}

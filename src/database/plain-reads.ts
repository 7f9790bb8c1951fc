import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/** `SELECT <every column> FROM <table>` of an entity, built once per entity. */
const selects = new WeakMap<EntityMetadata, string>();

function selectOf(manager: EntityManager, metadata: EntityMetadata): string {
  let select = selects.get(metadata);
  if (!select) {
    const { driver } = manager.connection;
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    select = `SELECT ${columns.map((column) => driver.escape(column.databaseName)).join(', ')} FROM ${driver.escape(metadata.tableName)}`;
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
  const order = options.orderBy ? ` ORDER BY ${options.orderBy}` : '';
  const sql = `${selectOf(manager, metadata)} WHERE ${where}${order}${options.forUpdate ? ' FOR UPDATE' : ''}`;
  const rows = await manager.query<Array<Record<string, unknown>>>(sql, [...parameters]);
  const { driver } = manager.connection;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (column.isVirtual) continue;
      column.setEntityValue(entity, driver.prepareHydratedValue(row[column.databaseName], column));
    }
    return entity;
  });
}

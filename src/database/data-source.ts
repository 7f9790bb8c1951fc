import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations.js';

/**
 * The one set of DataSource options used by the app, the migration CLI and the tests. Entities are
 * not listed here: each feature module registers its own (`TypeOrmModule.forFeature`), so this
 * layer knows no feature. Building the options has no side effect.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors (and 5xx are logged by the error filter); expected ones
    // such as unique violations mapped to 409 must not flood the log.
    logging: false,
    extra: { max: 20, application_name: 'gpmb-crm' },
  };
}

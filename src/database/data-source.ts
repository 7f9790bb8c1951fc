import { DataSource, type DataSourceOptions } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';

/** The one set of DataSource options used by the app, the migration CLI and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
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

/** For the TypeORM CLI (`npm run migration:*`). */
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));

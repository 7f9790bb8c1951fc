/**
 * For the TypeORM CLI only (`npm run migration:*`): a module whose default export is a DataSource.
 * The app and the tests never import it; they build their DataSource from `dataSourceOptions`.
 */
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';

export default new DataSource({
  ...dataSourceOptions(loadConfig().databaseUrl),
  // Compiled entities, for `migration:generate` to compare against the schema.
  entities: [new URL('./modules/**/*.entity.js', import.meta.url).pathname],
});

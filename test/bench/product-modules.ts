import type { DataSourceOptions } from 'typeorm';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from './bench-config.js';

/**
 * The product as compiled by `npm run build` (dist/src), loaded at run time: the bench measures the
 * build it runs, and reuses the product's own migrations, pool settings and password hashing
 * instead of copies that could drift. The shapes below are what the bench needs of those modules.
 */
export const PRODUCT_MAIN = join(ROOT_DIR, 'dist/src/main.js');

interface DataSourceModule {
  dataSourceOptions: (databaseUrl: string) => DataSourceOptions & { extra?: { max?: number } };
}

interface PasswordsModule {
  hashPassword: (password: string) => Promise<string>;
}

interface EnsureDatabaseModule {
  ensureDatabase: (databaseUrl: string) => Promise<boolean>;
  dropDatabase: (databaseUrl: string) => Promise<void>;
}

async function load<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT_DIR, 'dist/src', path)).href)) as T;
}

export const productDataSource = () => load<DataSourceModule>('database/data-source.js');
export const productPasswords = () => load<PasswordsModule>('modules/users/passwords.js');
export const productDatabases = () => load<EnsureDatabaseModule>('database/ensure-database.js');

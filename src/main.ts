import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap.js';
import { loadConfig } from './config/app-config.js';
import { ensureDatabase } from './database/ensure-database.js';
import { DemoSeeder } from './demo/demo-seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const created = await ensureDatabase(config.databaseUrl);
  const app = await createApp(config);
  const logger = new Logger('Main');
  if (created) logger.log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);

  const dataSource = app.get(DataSource);
  if (config.runMigrations) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  }
  if (config.seedDemo) {
    const summary = await app.get(DemoSeeder).seedIfEmpty();
    if (summary) logger.log(`Loaded demo data: ${JSON.stringify(summary)}`);
  }

  await app.listen({ port: config.port, host: config.host });
  logger.log(`GPMB CRM listening on http://${config.host}:${config.port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  // The logger may not exist yet (bad configuration, database unreachable): plain stderr.
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

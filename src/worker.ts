import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { createLogger, PinoNestLogger } from './common/logging/logger.js';
import { loadConfig } from './config/app-config.js';

/**
 * The job worker: the same providers as the API, no HTTP. Run it separately with
 * RUN_WORKER_IN_API=false on the API, to scale consumers on their own.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { worker: true }), {
    logger: new PinoNestLogger(createLogger(config.logLevel)),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(`GPMB CRM worker consuming queues with prefix "${config.jobs.queuePrefix}"`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

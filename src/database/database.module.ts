import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';
import { TransactionHost } from './transaction-host.js';

/** The one DataSource (its entities registered by the feature modules) and the ambient transaction. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.databaseUrl), autoLoadEntities: true }),
    }),
  ],
  providers: [TransactionHost],
  exports: [TransactionHost],
})
export class DatabaseModule {}

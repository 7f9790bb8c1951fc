import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock, SystemClock } from './clock/clock.js';
import { CacheInvalidations } from './cache/cache-invalidations.js';
import { MethodDiscovery } from './method-discovery.js';
import { SharedRedis } from './redis/shared-redis.js';

/** Configuration, the clock, the discovery of marked methods and a Redis connection, available everywhere without imports. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock(config.timeZone)): DynamicModule {
    return {
      module: CommonModule,
      imports: [DiscoveryModule],
      providers: [
        MethodDiscovery,
        SharedRedis,
        CacheInvalidations,
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock, MethodDiscovery, SharedRedis, CacheInvalidations],
    };
  }
}

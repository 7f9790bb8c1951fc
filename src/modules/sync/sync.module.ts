import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { IdempotencyModule } from '../idempotency/idempotency.module.js';
import { VisitsModule } from '../visits/visits.module.js';
import { SyncController } from './sync.controller.js';
import { SyncService } from './sync.service.js';

/** Work done offline on a phone, applied item by item when it is back online. Owns no table. */
@Module({
  imports: [VisitsModule, HouseholdsModule, IdempotencyModule],
  controllers: [SyncController],
  providers: [SyncService],
})
export class SyncModule {}

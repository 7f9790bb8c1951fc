import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventBus } from './event-bus.service.js';
import { EventReceipt } from './event-receipt.entity.js';
import { EventReceiptsRepository } from './event-receipts.repository.js';

/** Domain events: publishing (every process), delivery to subscribers (wherever jobs run). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EventReceipt])],
  providers: [EventBus, EventReceiptsRepository],
  exports: [EventBus],
})
export class EventsModule {}

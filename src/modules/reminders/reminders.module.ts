import { forwardRef, Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { LegalClockModule } from '../legal-clock/legal-clock.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReminderJobs } from './reminder-jobs.processor.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Reminder } from './reminder.entity.js';

/** Stored reminders, the jobs that make and fire them, and the API to read and close them. */
@Module({
  // Dialogues, complaints and enforcement call RemindersService from their own services: forwardRef
  // lets those modules import this one back without a cycle at boot.
  imports: [
    TypeOrmModule.forFeature([Reminder]),
    forwardRef(() => DialoguesModule),
    forwardRef(() => ComplaintsModule),
    LegalClockModule,
    StatsModule,
    WebhooksModule,
  ],
  controllers: [RemindersController],
  providers: [RemindersService, RemindersRepository, ReminderJobs],
  exports: [RemindersService],
})
export class RemindersModule {}

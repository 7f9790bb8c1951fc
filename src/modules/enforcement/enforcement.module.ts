import { Module } from '@nestjs/common';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { LegalClockModule } from '../legal-clock/legal-clock.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { VisitsModule } from '../visits/visits.module.js';
import { EnforcementController } from './enforcement.controller.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { EnforcementService } from './enforcement.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnforcementRecord } from './enforcement-record.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([EnforcementRecord]),
    HouseholdsModule,
    VisitsModule,
    DialoguesModule,
    LegalClockModule,
    RemindersModule,
  ],
  controllers: [EnforcementController],
  providers: [EnforcementService, EnforcementRepository],
  exports: [EnforcementService],
})
export class EnforcementModule {}

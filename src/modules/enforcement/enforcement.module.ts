import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { LegalClockModule } from '../legal-clock/legal-clock.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { VisitsModule } from '../visits/visits.module.js';
import { EnforcementFollowers } from './enforcement-followers.service.js';
import { EnforcementRecord } from './enforcement-record.entity.js';
import { EnforcementRecordsService } from './enforcement-records.service.js';
import { EnforcementStepsService } from './enforcement-steps.service.js';
import { EnforcementController } from './enforcement.controller.js';
import { EnforcementRepository } from './enforcement.repository.js';
import { PersuasionFileReader } from './persuasion-file.reader.js';

/** Compulsory recovery (cưỡng chế): records, their preconditions, the steps, and what follows the household. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EnforcementRecord]),
    ProjectsModule,
    HouseholdsModule,
    VisitsModule,
    DialoguesModule,
    LegalClockModule,
    RemindersModule,
    EvidenceModule,
  ],
  controllers: [EnforcementController],
  providers: [
    EnforcementRecordsService,
    EnforcementStepsService,
    EnforcementFollowers,
    PersuasionFileReader,
    EnforcementRepository,
  ],
  exports: [EnforcementRecordsService],
})
export class EnforcementModule {}

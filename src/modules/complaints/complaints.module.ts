import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { LegalClockModule } from '../legal-clock/legal-clock.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ComplaintEvent } from './complaint-event.entity.js';
import { ComplaintReminders } from './complaint-reminders.service.js';
import { Complaint } from './complaint.entity.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintsService } from './complaints.service.js';

/** Complaints (khiếu nại) with legal due dates, extensions, escalation history and their reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Complaint, ComplaintEvent]),
    ProjectsModule,
    HouseholdsModule,
    LegalClockModule,
    RemindersModule,
  ],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintsRepository, ComplaintReminders],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}

import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { LegalClockModule } from '../legal-clock/legal-clock.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintsService } from './complaints.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Complaint } from './complaint.entity.js';
import { ComplaintEvent } from './complaint-event.entity.js';

/** Complaints (khiếu nại) with legal due dates, extensions and escalation history. */
@Module({
  imports: [TypeOrmModule.forFeature([Complaint, ComplaintEvent]), ProjectsModule, HouseholdsModule, LegalClockModule],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintsRepository],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}

import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { MeetingReportsService } from './meeting-reports.service.js';
import { ReportsController } from './reports.controller.js';

/** Meeting reports (PDF and XLSX) per project and per ward. Owns no table. */
@Module({
  imports: [
    ProjectsModule,
    AdministrativeUnitsModule,
    StatsModule,
    HouseholdsModule,
    ComplaintsModule,
    DialoguesModule,
  ],
  controllers: [ReportsController],
  providers: [MeetingReportsService],
})
export class ReportsModule {}

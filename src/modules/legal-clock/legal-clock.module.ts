import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DeadlineRule } from './deadline-rule.entity.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { Holiday } from './holiday.entity.js';
import { HolidaysService } from './holidays.service.js';
import { LegalCalendarService } from './legal-calendar.service.js';
import { LegalClockController } from './legal-clock.controller.js';
import { LegalClockRepository } from './legal-clock.repository.js';
import { LegalMilestone } from './milestones/legal-milestone.entity.js';
import { MilestoneReminders } from './milestones/milestone-reminders.service.js';
import { MilestonesController } from './milestones/milestones.controller.js';
import { MilestonesRepository } from './milestones/milestones.repository.js';
import { MilestonesService } from './milestones/milestones.service.js';

/**
 * The legal clock: deadline rules and holidays as data, the calendar that computes due dates from
 * them, and the legal milestones of projects and households with their reminders.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DeadlineRule, Holiday, LegalMilestone]),
    ProjectsModule,
    HouseholdsModule,
    RemindersModule,
  ],
  controllers: [LegalClockController, MilestonesController],
  providers: [
    LegalClockRepository,
    LegalCalendarService,
    DeadlineRulesService,
    HolidaysService,
    MilestonesRepository,
    MilestonesService,
    MilestoneReminders,
  ],
  exports: [LegalCalendarService, MilestonesService],
})
export class LegalClockModule {}

import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { DeadlineDependents } from './deadline-dependents.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { HolidaysService } from './holidays.service.js';
import { LegalCalendarService } from './legal-calendar.service.js';
import { LegalClockController } from './legal-clock.controller.js';
import { LegalClockRepository } from './legal-clock.repository.js';
import { MilestonesController } from './milestones/milestones.controller.js';
import { MilestonesRepository } from './milestones/milestones.repository.js';
import { MilestonesService } from './milestones/milestones.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlineRule } from './deadline-rule.entity.js';
import { Holiday } from './holiday.entity.js';
import { LegalMilestone } from './milestones/legal-milestone.entity.js';

/**
 * The legal clock: deadline rules and holidays as data, the calendar that computes due dates from
 * them, and the legal milestones of projects and households.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DeadlineRule, Holiday, LegalMilestone]), ProjectsModule, HouseholdsModule],
  controllers: [LegalClockController, MilestonesController],
  providers: [
    LegalClockRepository,
    LegalCalendarService,
    DeadlineRulesService,
    DeadlineDependents,
    HolidaysService,
    MilestonesRepository,
    MilestonesService,
  ],
  exports: [LegalCalendarService, DeadlineDependents, MilestonesService],
})
export class LegalClockModule {}

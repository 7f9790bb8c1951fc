import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ConsentHistoryController } from './consent-history.controller.js';
import { ConsentHistoryService } from './consent-history.service.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ProjectStatsSnapshot } from './project-stats-snapshot.entity.js';
import { StatsCountersRepository } from './stats-counters.repository.js';
import { StatsCounters } from './stats-counters.service.js';
import { StatsReminders } from './stats-reminders.service.js';
import { StatsController } from './stats.controller.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectStatsSnapshot]), ProjectsModule, HouseholdsModule, RemindersModule],
  controllers: [StatsController, TimelineController, ConsentHistoryController],
  providers: [
    StatsService,
    StatsRepository,
    StatsCounters,
    StatsCountersRepository,
    TimelineService,
    TimelineRepository,
    StatsReminders,
    ConsentHistoryService,
  ],
  exports: [StatsService, ConsentHistoryService],
})
export class StatsModule {}

import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { StatsController } from './stats.controller.js';
import { StatsRepository } from './stats.repository.js';
import { StatsService } from './stats.service.js';
import { TimelineController } from './timeline.controller.js';
import { TimelineRepository } from './timeline.repository.js';
import { TimelineService } from './timeline.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectStatsSnapshot } from './project-stats-snapshot.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProjectStatsSnapshot]), ProjectsModule],
  controllers: [StatsController, TimelineController],
  providers: [StatsService, StatsRepository, TimelineService, TimelineRepository],
  exports: [StatsService],
})
export class StatsModule {}

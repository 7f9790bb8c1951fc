import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { UsersModule } from '../users/users.module.js';
import { CommitmentUpdate } from './commitment-update.entity.js';
import { Commitment } from './commitment.entity.js';
import { CommitmentsController } from './commitments.controller.js';
import { CommitmentsRepository } from './commitments.repository.js';
import { CommitmentsService } from './commitments.service.js';

/** Hard-task commitments (đăng ký việc khó) of cadres, and the Fatherland Front's year-end review. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Commitment, CommitmentUpdate]),
    AdministrativeUnitsModule,
    ProjectsModule,
    HouseholdsModule,
    UsersModule,
    EvidenceModule,
  ],
  controllers: [CommitmentsController],
  providers: [CommitmentsService, CommitmentsRepository],
})
export class CommitmentsModule {}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { AccessGuard } from './access.guard.js';
import { ScopeService } from './scope.service.js';

@Module({
  imports: [AuthModule, AdministrativeUnitsModule, ProjectsModule, HouseholdsModule, DialoguesModule],
  providers: [ScopeService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [ScopeService],
})
export class AccessModule {}

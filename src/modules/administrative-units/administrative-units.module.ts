import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdministrativeUnit } from './administrative-unit.entity.js';
import { AdministrativeUnitsController } from './administrative-units.controller.js';
import { AdministrativeUnitsRepository } from './administrative-units.repository.js';
import { AdministrativeUnitsService } from './administrative-units.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AdministrativeUnit])],
  controllers: [AdministrativeUnitsController],
  providers: [AdministrativeUnitsService, AdministrativeUnitsRepository],
  exports: [AdministrativeUnitsService],
})
export class AdministrativeUnitsModule {}

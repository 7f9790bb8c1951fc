import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { ResettlementFundsController } from './resettlement-funds.controller.js';
import { ResettlementFundsService } from './resettlement-funds.service.js';
import { ResettlementNotices } from './resettlement-notices.service.js';
import { ResettlementOffersController } from './resettlement-offers.controller.js';
import { ResettlementOffersService } from './resettlement-offers.service.js';
import { FundsRepository } from './funds.repository.js';
import { OffersRepository } from './offers.repository.js';
import { UnitsRepository } from './units.repository.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResettlementFund } from './resettlement-fund.entity.js';
import { ResettlementFundProject } from './resettlement-fund-project.entity.js';
import { ResettlementOffer } from './resettlement-offer.entity.js';
import { ResettlementUnit } from './resettlement-unit.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ResettlementFund, ResettlementFundProject, ResettlementOffer, ResettlementUnit]),
    AdministrativeUnitsModule,
    HouseholdsModule,
    RemindersModule,
    ProjectsModule,
  ],
  controllers: [ResettlementFundsController, ResettlementOffersController],
  providers: [
    ResettlementFundsService,
    ResettlementOffersService,
    ResettlementNotices,
    FundsRepository,
    UnitsRepository,
    OffersRepository,
  ],
  exports: [ResettlementFundsService, ResettlementOffersService],
})
export class ResettlementModule {}

import { Entity, PrimaryColumn } from 'typeorm';

/** A project whose households the fund houses. */
@Entity('resettlement_fund_projects')
export class ResettlementFundProject {
  @PrimaryColumn({ name: 'fund_id', type: 'uuid' })
  fundId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;
}

import { Entity, PrimaryColumn } from 'typeorm';

/** A project may span several administrative units (and outlive their reorganisation). */
@Entity('project_administrative_units')
export class ProjectAdministrativeUnit {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'administrative_unit_id', type: 'uuid' })
  administrativeUnitId: string;
}

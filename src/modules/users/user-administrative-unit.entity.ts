import { Entity, PrimaryColumn } from 'typeorm';

/** The units a user works in; their scope is these units and every unit below them. */
@Entity('user_administrative_units')
export class UserAdministrativeUnit {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'administrative_unit_id', type: 'uuid' })
  administrativeUnitId: string;
}

import { Entity, PrimaryColumn } from 'typeorm';

/** The wards an API key may see (and the units below them), as for a user. */
@Entity('api_key_administrative_units')
export class ApiKeyAdministrativeUnit {
  @PrimaryColumn({ name: 'api_key_id', type: 'uuid' })
  apiKeyId: string;

  @PrimaryColumn({ name: 'administrative_unit_id', type: 'uuid' })
  administrativeUnitId: string;
}

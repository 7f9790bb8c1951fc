import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import type { LandAreaSource } from './household.entity.js';

/** A household's own columns as an import writes them. */
export interface HouseholdColumns {
  code: string;
  headName: string;
  address: string | null;
  phone: string | null;
  memberCount: number | null;
  needsResettlement: boolean;
  vulnerable: boolean;
  landAreaM2: number;
  landAreaSource: LandAreaSource;
}

export interface ParcelColumns {
  mapSheet: string;
  parcelNumber: string;
  areaM2: number;
  landUse: string | null;
}

/** An existing household as an import compares it: its columns and its parcels. */
export interface StoredHousehold extends HouseholdColumns {
  id: string;
  version: number;
  archived: boolean;
  parcels: ParcelColumns[];
}

/** The columns an import writes besides the key, as unnest() takes them: $4 to $11 (after two scalars and the key). */
const SHARED_NAMES =
  'head_name, address, phone, member_count, needs_resettlement, vulnerable, land_area_m2, land_area_source';
const SHARED_ARRAYS =
  '$4::varchar[], $5::text[], $6::varchar[], $7::int[], $8::boolean[], $9::boolean[], $10::numeric[], $11::varchar[]';

function sharedArrays(rows: readonly HouseholdColumns[]): unknown[][] {
  return [
    rows.map((r) => r.headName),
    rows.map((r) => r.address),
    rows.map((r) => r.phone),
    rows.map((r) => r.memberCount),
    rows.map((r) => r.needsResettlement),
    rows.map((r) => r.vulnerable),
    rows.map((r) => r.landAreaM2),
    rows.map((r) => r.landAreaSource),
  ];
}

/** Codes per lookup: one statement each, whatever the file's size. */
const LOOKUP_BATCH = 5_000;

/**
 * Writes of many households at once (imports): multi-row statements with one array parameter per
 * column (`unnest`), so 100,000 rows cost a few dozen statements and never the parameter limit.
 */
@Injectable()
export class HouseholdsBulkRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** The project's households with these codes (archived ones too: a code stays taken), with their parcels. */
  async findByCodes(projectId: string, codes: readonly string[]): Promise<Map<string, StoredHousehold>> {
    const found = new Map<string, StoredHousehold>();
    for (let start = 0; start < codes.length; start += LOOKUP_BATCH) {
      const rows: Array<{
        id: string;
        code: string;
        head_name: string;
        address: string | null;
        phone: string | null;
        member_count: number | null;
        needs_resettlement: boolean;
        vulnerable: boolean;
        land_area_m2: string;
        land_area_source: LandAreaSource;
        version: number;
        archived: boolean;
        parcels: ParcelColumns[] | null;
      }> = await this.manager.query(
        `SELECT h.id, h.code, h.head_name, h.address, h.phone, h.member_count, h.needs_resettlement, h.vulnerable,
                h.land_area_m2::text AS land_area_m2, h.land_area_source, h.version, h.archived_at IS NOT NULL AS archived,
                (SELECT json_agg(json_build_object('mapSheet', p.map_sheet, 'parcelNumber', p.parcel_number,
                                                   'areaM2', p.area_m2, 'landUse', p.land_use)
                                 ORDER BY p.map_sheet, p.parcel_number)
                   FROM land_parcels p WHERE p.household_id = h.id) AS parcels
           FROM households h
          WHERE h.project_id = $1 AND h.code = ANY($2::varchar[])`,
        [projectId, codes.slice(start, start + LOOKUP_BATCH)],
      );
      for (const row of rows) {
        found.set(row.code, {
          id: row.id,
          code: row.code,
          headName: row.head_name,
          address: row.address,
          phone: row.phone,
          memberCount: row.member_count,
          needsResettlement: row.needs_resettlement,
          vulnerable: row.vulnerable,
          landAreaM2: Number(row.land_area_m2),
          landAreaSource: row.land_area_source,
          version: row.version,
          archived: row.archived,
          parcels: (row.parcels ?? []).map((p) => ({ ...p, areaM2: Number(p.areaM2) })),
        });
      }
    }
    return found;
  }

  /** New households, not contacted yet; their ids by code. */
  async insertHouseholds(
    projectId: string,
    rows: readonly HouseholdColumns[],
    now: Date,
  ): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const inserted: Array<{ id: string; code: string }> = await this.manager.query(
      `INSERT INTO households (project_id, code, head_name, address, phone, member_count, needs_resettlement,
                               vulnerable, land_area_m2, land_area_source, status, status_changed_at)
       SELECT $1, v.code, v.head_name, v.address, v.phone, v.member_count, v.needs_resettlement, v.vulnerable,
              v.land_area_m2, v.land_area_source, 'not_contacted', $2
         FROM unnest($3::varchar[], ${SHARED_ARRAYS}) AS v(code, ${SHARED_NAMES})
       RETURNING id, code`,
      [projectId, now, rows.map((r) => r.code), ...sharedArrays(rows)],
    );
    return new Map(inserted.map((row) => [row.code, row.id]));
  }

  /** Changed households: their columns replaced, their version bumped (an edit like any other). */
  async updateHouseholds(
    projectId: string,
    rows: ReadonlyArray<HouseholdColumns & { id: string }>,
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.manager.query(
      `UPDATE households h
          SET head_name = v.head_name, address = v.address, phone = v.phone, member_count = v.member_count,
              needs_resettlement = v.needs_resettlement, vulnerable = v.vulnerable, land_area_m2 = v.land_area_m2,
              land_area_source = v.land_area_source, version = h.version + 1, updated_at = $1
         FROM unnest($3::uuid[], ${SHARED_ARRAYS}) AS v(id, ${SHARED_NAMES})
        WHERE h.id = v.id AND h.project_id = $2`,
      [now, projectId, rows.map((r) => r.id), ...sharedArrays(rows)],
    );
  }

  /** The parcels of these households, as the file lists them (replacing what was there). */
  async replaceParcels(
    parcels: ReadonlyArray<ParcelColumns & { householdId: string }>,
    householdIds: readonly string[],
  ) {
    if (householdIds.length) {
      await this.manager.query(`DELETE FROM land_parcels WHERE household_id = ANY($1::uuid[])`, [householdIds]);
    }
    if (parcels.length === 0) return;
    const column = <T>(pick: (row: ParcelColumns & { householdId: string }) => T): T[] => parcels.map(pick);
    await this.manager.query(
      `INSERT INTO land_parcels (household_id, map_sheet, parcel_number, area_m2, land_use)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::numeric[], $5::varchar[])`,
      [
        column((p) => p.householdId),
        column((p) => p.mapSheet),
        column((p) => p.parcelNumber),
        column((p) => p.areaM2),
        column((p) => p.landUse),
      ],
    );
  }
}

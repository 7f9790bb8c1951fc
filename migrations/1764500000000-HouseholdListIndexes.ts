import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index per sort of the households list (the code sort has households_project_code_key), each
 * ending in code as the list's tie-break, with the list's NULLS order: a page is then read in
 * order and stops after its rows, however many households the project has and however common a
 * search term is. A descending sort walks the same index backwards.
 */
export class HouseholdListIndexes1764500000000 implements MigrationInterface {
  name = 'HouseholdListIndexes1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX households_list_head_name_idx ON households (project_id, head_name, code)`);
    await q.query(`CREATE INDEX households_list_area_idx ON households (project_id, land_area_m2, code)`);
    await q.query(
      `CREATE INDEX households_list_last_contact_idx ON households (project_id, last_contact_at NULLS FIRST, code)`,
    );
    await q.query(
      `CREATE INDEX households_list_follow_up_idx ON households (project_id, next_follow_up_on NULLS FIRST, code)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['head_name', 'area', 'last_contact', 'follow_up']) {
      await q.query(`DROP INDEX households_list_${index}_idx`);
    }
  }
}

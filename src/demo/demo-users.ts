import { type EntityManager, In } from 'typeorm';
import type { Role } from '../modules/access/domain/roles.js';
import { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity.js';
import { hashPassword } from '../modules/users/passwords.js';
import { UserAdministrativeUnit } from '../modules/users/user-administrative-unit.entity.js';
import { User } from '../modules/users/user.entity.js';

/** Demo only: documented in the README, loaded only with the demo data (never with SEED_DEMO=false). */
export const DEMO_PASSWORD = 'GpmbDemo@2026';

interface DemoAccount {
  email: string;
  fullName: string;
  role: Role;
  unitCodes: string[];
}

/** One account per role, each scoped as its real counterpart would be. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@demo.gpmb.vn', fullName: 'Quản trị hệ thống', role: 'admin', unitCodes: [] },
  { email: 'chutich.tayho@demo.gpmb.vn', fullName: 'Nguyễn Văn Thành', role: 'chair', unitCodes: ['HN-P-TAYHO'] },
  { email: 'canbo.tayho@demo.gpmb.vn', fullName: 'Trần Thị Mai', role: 'officer', unitCodes: ['HN-P-TAYHO'] },
  { email: 'chutich.phuthuong@demo.gpmb.vn', fullName: 'Hoàng Minh Đức', role: 'chair', unitCodes: ['HN-P-PHUTHUONG'] },
  { email: 'canbo.phuthuong@demo.gpmb.vn', fullName: 'Lê Văn Dũng', role: 'officer', unitCodes: ['HN-P-PHUTHUONG'] },
  { email: 'mttq.hanoi@demo.gpmb.vn', fullName: 'Phạm Thị Hạnh', role: 'supervisor', unitCodes: ['HN'] },
];

/** Creates the demo accounts that do not exist yet (by email); returns how many it created. */
export async function insertDemoUsers(em: EntityManager): Promise<number> {
  const existing = await em.find(User, {
    select: { email: true },
    where: { email: In(DEMO_ACCOUNTS.map((a) => a.email)) },
  });
  const taken = new Set(existing.map((user) => user.email));
  const accounts = DEMO_ACCOUNTS.filter((account) => !taken.has(account.email));
  if (accounts.length === 0) return 0;

  const units = await em.find(AdministrativeUnit, {
    select: { id: true, code: true },
    where: { code: In(accounts.flatMap((a) => a.unitCodes)) },
  });
  const unitIdByCode = new Map(units.map((unit) => [unit.code, unit.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of accounts) {
    const result = await em.insert(User, {
      email: account.email,
      fullName: account.fullName,
      role: account.role,
      passwordHash,
      active: true,
      failedLogins: 0,
      version: 1,
    });
    const userId = (result.identifiers[0] as { id: string }).id;
    const unitIds = account.unitCodes.flatMap((code) => unitIdByCode.get(code) ?? []);
    if (unitIds.length) {
      await em.insert(
        UserAdministrativeUnit,
        unitIds.map((administrativeUnitId) => ({ userId, administrativeUnitId })),
      );
    }
  }
  return accounts.length;
}

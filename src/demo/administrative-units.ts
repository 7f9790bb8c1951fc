import type { AdministrativeLevel } from '../modules/administrative-units/administrative-unit.entity.js';

export interface UnitSeed {
  code: string;
  name: string;
  level: AdministrativeLevel;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The day two-level local government began and the district level was abolished. */
export const REORGANISED_ON = '2025-07-01';
const LAST_DAY_BEFORE = '2025-06-30';

/**
 * The part of the map the demo projects touch, before and after 1 July 2025: Tây Hồ district and its
 * wards Thụy Khuê and Phú Thượng close on 30 June 2025; the new wards sit directly under the city.
 * Parents come before children.
 */
export const UNIT_SEEDS: readonly UnitSeed[] = [
  { code: 'HN', name: 'Thành phố Hà Nội', level: 'province', parentCode: null, validFrom: null, validTo: null },
  {
    code: 'HN-TAYHO',
    name: 'Quận Tây Hồ',
    level: 'district',
    parentCode: 'HN',
    validFrom: null,
    validTo: LAST_DAY_BEFORE,
  },
  {
    code: 'HN-TAYHO-THUYKHUE',
    name: 'Phường Thụy Khuê',
    level: 'ward',
    parentCode: 'HN-TAYHO',
    validFrom: null,
    validTo: LAST_DAY_BEFORE,
  },
  {
    code: 'HN-TAYHO-PHUTHUONG',
    name: 'Phường Phú Thượng',
    level: 'ward',
    parentCode: 'HN-TAYHO',
    validFrom: null,
    validTo: LAST_DAY_BEFORE,
  },
  {
    code: 'HN-P-TAYHO',
    name: 'Phường Tây Hồ',
    level: 'ward',
    parentCode: 'HN',
    validFrom: REORGANISED_ON,
    validTo: null,
  },
  {
    code: 'HN-P-BADINH',
    name: 'Phường Ba Đình',
    level: 'ward',
    parentCode: 'HN',
    validFrom: REORGANISED_ON,
    validTo: null,
  },
  {
    code: 'HN-P-PHUTHUONG',
    name: 'Phường Phú Thượng',
    level: 'ward',
    parentCode: 'HN',
    validFrom: REORGANISED_ON,
    validTo: null,
  },
  {
    code: 'HN-P-HONGHA',
    name: 'Phường Hồng Hà',
    level: 'ward',
    parentCode: 'HN',
    validFrom: REORGANISED_ON,
    validTo: null,
  },
];

import {
  CONSENT_TRANSITIONS,
  CONSENTED_STATUSES,
  type ConsentStatus,
} from '../modules/households/domain/consent-status.js';
import { buildDemoData, type DemoData, EARLIEST_DEMO_TODAY } from './demo-data.js';
import { NAM_THANG_LONG } from './projects/nam-thang-long.js';
import { TAM_DA } from './projects/tam-da.js';
import { THUY_KHUE } from './projects/thuy-khue.js';

const TODAY = '2026-03-10';

describe(buildDemoData.name, () => {
  let data: DemoData;

  beforeAll(() => {
    data = buildDemoData(TODAY);
  });

  const projectId = (code: string) => data.projects.find((p) => p.code === code)?.id as string;
  const householdsOf = (code: string) => data.households.filter((h) => h.projectId === projectId(code));
  const transitionsOf = (householdId: string) => data.transitions.filter((t) => t.householdId === householdId);

  it('should build the same rows, ids included, for the same day', () => {
    expect(JSON.stringify(buildDemoData(TODAY))).toBe(JSON.stringify(data));
  });

  it.each([EARLIEST_DEMO_TODAY, '2025-11-29', '2027-02-14'])(
    'should fit its timelines around any today from the earliest on (%s)',
    (today) => {
      expect(() => buildDemoData(today)).not.toThrow();
    },
  );

  it('should keep the same households, land and final statuses whatever today is', () => {
    const facts = (d: DemoData) => ({
      households: d.households.map((h) => [h.id, h.code, h.headName, h.landAreaM2, h.status]),
      parcels: d.parcels,
    });
    expect(facts(buildDemoData('2027-02-14'))).toEqual(facts(data));
  });

  it('should refuse a today before its fixed history ends', () => {
    expect(() => buildDemoData('2024-01-01')).toThrow(/from 2025-09-01 on/);
  });

  it('should chain every household history through allowed moves only, in time order', () => {
    for (const household of data.households) {
      let status: ConsentStatus = 'not_contacted';
      let previous = 0;
      for (const transition of transitionsOf(household.id)) {
        expect(transition.fromStatus).toBe(status);
        expect(CONSENT_TRANSITIONS[transition.fromStatus]).toContain(transition.toStatus);
        expect(transition.at.getTime()).toBeGreaterThan(previous);
        status = transition.toStatus;
        previous = transition.at.getTime();
      }
      expect(household.status).toBe(status);
    }
  });

  it('should derive contact and follow-up columns from the latest visit', () => {
    for (const household of data.households) {
      const visits = data.visits
        .filter((v) => v.householdId === household.id)
        .sort((a, b) => a.visitedAt.getTime() - b.visitedAt.getTime());
      const latest = visits.at(-1);
      expect(household.lastContactAt).toEqual(latest?.visitedAt ?? null);
      expect(household.nextFollowUpOn).toBe(latest?.nextFollowUpOn ?? null);
      const first = transitionsOf(household.id)[0];
      if (first) expect(first.visitId).toBe(visits[0]?.id);
    }
  });

  it('should put nothing after today except the one scheduled dialogue', () => {
    const now = new Date(`${TODAY}T00:00:00+07:00`).getTime();
    expect(data.visits.every((v) => v.visitedAt.getTime() < now)).toBe(true);
    expect(data.transitions.every((t) => t.at.getTime() < now)).toBe(true);
    expect(data.households.every((h) => h.handedOverOn === null || h.handedOverOn < TODAY)).toBe(true);
    expect(data.sessions.filter((s) => s.scheduledAt.getTime() > now).map((s) => s.status)).toEqual(['scheduled']);
  });

  it('should leave Thụy Khuê with 44 holdouts at the end of 2022 and 8 conditional on resettlement housing', () => {
    const households = householdsOf(THUY_KHUE.code);
    const endOf2022 = new Date('2023-01-01T00:00:00+07:00').getTime();
    const holdouts = households.filter((h) => {
      const last = transitionsOf(h.id)
        .filter((t) => t.at.getTime() < endOf2022)
        .at(-1);
      return !last || !CONSENTED_STATUSES.includes(last.toStatus);
    });
    expect(holdouts).toHaveLength(THUY_KHUE.holdoutsAtEnd2022);

    const conditional = households.filter((h) => h.status === 'conditional');
    expect(conditional).toHaveLength(THUY_KHUE.conditionalAtEnd);
    expect(conditional.every((h) => h.consentCondition === 'resettlement_housing' && h.needsResettlement)).toBe(true);
    expect(households.filter((h) => !['conditional', 'agreed', 'handed_over'].includes(h.status))).toEqual([]);
  });

  it('should record Tam Đa as one 120 m² plot handed over in 2023', () => {
    const [plot, ...others] = householdsOf(TAM_DA.code);
    expect(others).toEqual([]);
    expect(plot).toMatchObject({ status: 'handed_over', handoverMode: 'voluntary', landAreaM2: 120 });
    expect(plot?.handedOverOn?.slice(0, 4)).toBe('2023');
  });

  it('should give Nam Thăng Long parcel-based areas and a consent rate by area well below the rate by households', () => {
    const households = householdsOf(NAM_THANG_LONG.code);
    for (const household of households) {
      const parcels = data.parcels.filter((p) => p.householdId === household.id);
      expect(parcels.length).toBeGreaterThan(0);
      expect(household.landAreaM2).toBeCloseTo(
        parcels.reduce((sum, p) => sum + p.areaM2, 0),
        2,
      );
    }
    const consented = households.filter((h) => CONSENTED_STATUSES.includes(h.status));
    const area = (list: typeof households) => list.reduce((sum, h) => sum + h.landAreaM2, 0);
    const byHouseholds = consented.length / households.length;
    const byArea = area(consented) / area(households);
    expect(byHouseholds - byArea).toBeGreaterThan(0.25);
    expect(area(households)).toBeLessThan(NAM_THANG_LONG.totalAreaM2);
  });
});

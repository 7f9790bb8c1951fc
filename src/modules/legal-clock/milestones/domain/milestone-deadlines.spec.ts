import {
  deriveDeadlines,
  handoverWarnings,
  type MilestoneFacts,
  type MilestoneKind,
  type RuleTerms,
  isDeadlineMet,
} from './milestone-deadlines.js';

const rule = (code: string, offsetDays: number, active = true): [string, RuleTerms] => [
  code,
  { code, offsetDays, dayKind: 'calendar', action: code, legalBasis: 'Luật Đất đai 2024', active },
];

const RULES = new Map([
  rule('recovery.decision.agricultural', 90),
  rule('recovery.decision.non-agricultural', 180),
  rule('recovery.notice.validity', 365),
  rule('inventory.persuasion', 15),
  rule('inventory.compulsory', 10),
  rule('plan.posting', 30),
  rule('plan.recovery-decision', 10),
  rule('compensation.payment', 30),
]);
const HOLIDAYS = new Set(['2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02', '2027-02-06']);

const milestone = (kind: MilestoneKind, occurredOn: string, extra: Partial<MilestoneFacts> = {}): MilestoneFacts => ({
  id: `${kind}-${occurredOn}`,
  kind,
  householdId: null,
  occurredOn,
  landKind: null,
  ...extra,
});

describe('deriveDeadlines', () => {
  it.each([
    [
      'an agricultural-land notice',
      milestone('recovery_notice_sent', '2026-03-10', { landKind: 'agricultural' }),
      [
        ['recovery.decision.agricultural', 'earliest', '2026-03-10', '2026-06-08'],
        ['recovery.notice.validity', 'expires', '2026-03-10', '2027-03-10'],
      ],
    ],
    [
      'a non-agricultural-land notice (180 days lands on a Sunday)',
      milestone('recovery_notice_sent', '2026-03-10', { landKind: 'non_agricultural' }),
      [
        ['recovery.decision.non-agricultural', 'earliest', '2026-03-10', '2026-09-07'],
        ['recovery.notice.validity', 'expires', '2026-03-10', '2027-03-10'],
      ],
    ],
    [
      'a refused inventory, persuasion then compulsory inventory counted from its end',
      milestone('inventory_refused', '2026-04-15'),
      [
        ['inventory.persuasion', 'due', '2026-04-15', '2026-05-04'],
        ['inventory.compulsory', 'due', '2026-05-04', '2026-05-14'],
      ],
    ],
    [
      'a posted plan',
      milestone('compensation_plan_posted', '2026-03-02'),
      [['plan.posting', 'ends', '2026-03-02', '2026-04-01']],
    ],
    [
      'an approved plan',
      milestone('plan_approved', '2026-08-03'),
      [
        ['plan.recovery-decision', 'due', '2026-08-03', '2026-08-13'],
        ['compensation.payment', 'due', '2026-08-03', '2026-09-03'],
      ],
    ],
    ['a payment', milestone('compensation_paid', '2026-03-10'), []],
    ['a hand-over', milestone('site_handed_over', '2026-03-10'), []],
  ])('should derive %s', (_case, facts, expected) => {
    expect(deriveDeadlines(facts, RULES, HOLIDAYS).map((d) => [d.ruleCode, d.type, d.fromOn, d.dueOn])).toEqual(
      expected,
    );
  });

  it('should skip a switched-off rule and the steps counted from it', () => {
    const rules = new Map([...RULES, rule('inventory.persuasion', 15, false)]);
    expect(deriveDeadlines(milestone('inventory_refused', '2026-04-15'), rules, HOLIDAYS)).toEqual([]);
  });
});

describe('handoverWarnings', () => {
  const H1 = 'household-1';
  const H2 = 'household-2';
  it.each([
    ['a hand-over with no payment', [milestone('site_handed_over', '2026-03-10', { householdId: H1 })], true],
    [
      'a hand-over after its household was paid',
      [
        milestone('compensation_paid', '2026-03-01', { householdId: H1 }),
        milestone('site_handed_over', '2026-03-10', { householdId: H1 }),
      ],
      false,
    ],
    [
      'a hand-over on the day of payment',
      [
        milestone('compensation_paid', '2026-03-10', { householdId: H1 }),
        milestone('site_handed_over', '2026-03-10', { householdId: H1 }),
      ],
      false,
    ],
    [
      'a hand-over before the payment',
      [
        milestone('compensation_paid', '2026-03-11', { householdId: H1 }),
        milestone('site_handed_over', '2026-03-10', { householdId: H1 }),
      ],
      true,
    ],
    [
      'a hand-over when only another household was paid',
      [
        milestone('compensation_paid', '2026-03-01', { householdId: H2 }),
        milestone('site_handed_over', '2026-03-10', { householdId: H1 }),
      ],
      true,
    ],
    [
      'a household hand-over covered by a project-wide payment',
      [milestone('compensation_paid', '2026-03-01'), milestone('site_handed_over', '2026-03-10', { householdId: H1 })],
      false,
    ],
    [
      'a project-wide hand-over with only household payments',
      [milestone('compensation_paid', '2026-03-01', { householdId: H1 }), milestone('site_handed_over', '2026-03-10')],
      true,
    ],
  ])('should judge %s', (_case, milestones, flagged) => {
    const warnings = handoverWarnings(milestones);
    const handover = milestones.find((m) => m.kind === 'site_handed_over')!;
    expect(warnings.get(handover.id)?.map((w) => w.code)).toEqual(flagged ? ['HANDOVER_BEFORE_PAYMENT'] : undefined);
  });
});

describe(isDeadlineMet.name, () => {
  const plan = {
    id: 'plan',
    kind: 'plan_approved',
    householdId: 'h1',
    occurredOn: '2026-03-10',
    landKind: null,
  } as const;
  const paid = (householdId: string | null, occurredOn: string) =>
    ({
      id: `paid-${householdId}-${occurredOn}`,
      kind: 'compensation_paid',
      householdId,
      occurredOn,
      landKind: null,
    }) as const;

  it.each([
    ['a payment to the household after approval', [paid('h1', '2026-03-20')], true],
    ['a project-wide payment after approval', [paid(null, '2026-03-20')], true],
    ['a payment on the day of approval', [paid('h1', '2026-03-10')], true],
    ['a payment before approval', [paid('h1', '2026-03-01')], false],
    ["another household's payment", [paid('h2', '2026-03-20')], false],
    ['no payment', [], false],
  ] as const)('should decide the payment deadline with %s', (_label, payments, met) => {
    expect(isDeadlineMet('compensation.payment', plan, [plan, ...payments])).toBe(met);
  });

  it('should never treat other deadlines as met by a payment', () => {
    expect(isDeadlineMet('plan.recovery-decision', plan, [plan, paid('h1', '2026-03-20')])).toBe(false);
  });
});

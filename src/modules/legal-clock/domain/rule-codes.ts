/**
 * Rule codes other capabilities depend on. The rules themselves (offsets, articles) are data in the
 * deadline_rules table, seeded by migration 1764410000000 and editable by administrators.
 */
export const RULE_CODES = [
  'complaint.accept',
  'complaint.resolve',
  'complaint.resolve.complex',
  'complaint.resolve.remote',
  'complaint.resolve.remote-complex',
  'recovery.decision.agricultural',
  'recovery.decision.non-agricultural',
  'recovery.notice.validity',
  'inventory.persuasion',
  'inventory.compulsory',
  'plan.posting',
  'plan.recovery-decision',
  'compensation.payment',
  'enforcement.compliance-handover',
  'enforcement.tet-blackout',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

import type { ApiKeyAccess, Role } from './roles.js';

/** Everything a route can require. One action per route; the table below says who may do it. */
export const ACTIONS = [
  'units:read',
  'units:write',
  'projects:read',
  'projects:write',
  'households:read',
  'households:write',
  'consent:write',
  'visits:read',
  'visits:write',
  'dialogues:read',
  'dialogues:write',
  'stats:read',
  'users:manage',
  'api-keys:manage',
  'audit:read',
  // Signing out and reading one's own account: any signed-in user.
  'account:self',
  'complaints:read',
  'complaints:write',
  'milestones:write',
  'enforcement:write',
  'reminders:read',
  'reminders:write',
  'resettlement:read',
  'resettlement:write',
  'deadline-rules:manage',
  'webhooks:manage',
  'queues:admin',
  // Working groups: form them, name their members, make them responsible for households.
  'groups:manage',
  // Evidence files (photos of signed minutes, delivered notices, commitments): read them, attach them.
  'evidence:read',
  'evidence:write',
  // Hard-task commitments: read them, register and report on them, review them (the Fatherland Front).
  'commitments:read',
  'commitments:write',
  'commitments:review',
] as const;
export type Action = (typeof ACTIONS)[number];

const READS: readonly Action[] = [
  'units:read',
  'projects:read',
  'households:read',
  'visits:read',
  'dialogues:read',
  'stats:read',
  'complaints:read',
  'reminders:read',
  'resettlement:read',
  'evidence:read',
  'commitments:read',
];
const FIELD_WORK: readonly Action[] = [
  'households:write',
  'consent:write',
  'visits:write',
  'dialogues:write',
  'complaints:write',
  'reminders:write',
  'evidence:write',
  'commitments:write',
];
/** Decisions a ward chair signs: legal milestones, enforcement, resettlement allocations. */
const WARD_DECISIONS: readonly Action[] = [
  'projects:write',
  'groups:manage',
  'milestones:write',
  'enforcement:write',
  'resettlement:write',
];

/**
 * Role × action. Chairs run their wards' projects; officers do the field work; supervisors (the
 * Fatherland Front) read everything in scope and the audit trail, and change nothing but their
 * year-end review of commitments.
 */
export const PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  admin: ACTIONS,
  chair: [...READS, ...FIELD_WORK, ...WARD_DECISIONS, 'account:self'],
  officer: [...READS, ...FIELD_WORK, 'account:self'],
  supervisor: [...READS, 'audit:read', 'commitments:review', 'account:self'],
};

/** API clients (city systems, the investor, mobile apps) read, or read and do a chair's writes. */
export const API_KEY_PERMISSIONS: Readonly<Record<ApiKeyAccess, readonly Action[]>> = {
  read: READS,
  write: [...READS, ...FIELD_WORK, ...WARD_DECISIONS],
};

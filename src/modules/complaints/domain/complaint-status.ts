import { ActionTable } from '../../../common/state-machine/transitions.js';

export const COMPLAINT_STATUSES = ['received', 'accepted', 'resolved', 'rejected', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'accepted'];

export const COMPLAINT_ACTIONS = ['accept', 'extend', 'escalate', 'resolve', 'reject', 'withdraw'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export const COMPLAINT_EVENT_KINDS = [
  'received',
  'accepted',
  'extended',
  'escalated',
  'resolved',
  'rejected',
  'withdrawn',
  'recomputed',
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/** Where the resolution due date comes from: the rule, or a recorded lawful extension. */
export type ResolveDueSource = 'rule' | 'extension';

/**
 * The complaint's life as a table: which actions each status allows, and where each leads.
 * Escalation and extension record history without changing the status. Closed complaints are final.
 */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<ComplaintStatus, Partial<Record<ComplaintAction, ComplaintStatus>>>
> = {
  received: { accept: 'accepted', escalate: 'received', reject: 'rejected', withdraw: 'withdrawn' },
  accepted: {
    extend: 'accepted',
    escalate: 'accepted',
    resolve: 'resolved',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  resolved: {},
  rejected: {},
  withdrawn: {},
};

/** A complaint's life; every complaint starts received. */
export const COMPLAINT_LIFE = ActionTable.define<ComplaintStatus, ComplaintAction>(
  'received',
  COMPLAINT_ACTIONS,
  COMPLAINT_TRANSITIONS,
);

import type { CivilDate } from '../../../common/time/civil-date.js';
import { CONSENT_CONDITION_LABELS, CONSENT_STATUS_LABELS } from '../../households/domain/household-sheet.js';
import type { ConsentCondition, ConsentStatus } from '../../households/domain/consent-status.js';

/** How far back "since the last report" looks when the caller names no date: a month of meetings. */
export const DEFAULT_SINCE_DAYS = 30;

export interface Figures {
  households: number;
  consented: number;
  consentRate: number;
  areaM2: number;
  consentedM2: number;
  areaConsentRate: number;
}

/** One project's section of a meeting report, as the renderers (PDF, XLSX) lay it out. */
export interface ProjectReport {
  project: { id: string; code: string; name: string; consentThreshold: number };
  now: Figures;
  then: Figures;
  byStatus: Array<{ status: ConsentStatus; label: string; households: number; areaM2: number }>;
  holdouts: Array<{ label: string; households: number; areaM2: number }>;
  overdue: { count: number; first: Array<{ code: string; headName: string; nextFollowUpOn: CivilDate | null }> };
  complaints: Array<{ household: string; summary: string; what: string; dueOn: CivilDate }>;
  sessions: Array<{ heldOn: CivilDate; location: string; invited: number }>;
  /** Consent rate by households and by area at the end of each of the last twelve months. */
  monthly: Array<{ month: string; consentRate: number; areaConsentRate: number }>;
}

export interface MeetingReport {
  title: string;
  subtitle: string;
  today: CivilDate;
  since: CivilDate;
  projects: ProjectReport[];
}

/** "Đồng ý có điều kiện — Chờ nhà tái định cư": a holdout group as the report names it. */
export function holdoutLabel(status: ConsentStatus, condition: string | null): string {
  const label = CONSENT_STATUS_LABELS[status];
  const reason = condition ? (CONSENT_CONDITION_LABELS[condition as ConsentCondition] ?? condition) : null;
  return reason ? `${label} — ${reason}` : label;
}

/** "+12 hộ (+2,7 điểm %)": a change between two figures, in the report's words. */
export function change(now: number, then: number, unit: string): string {
  const delta = Math.round((now - then) * 100) / 100;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(delta))} ${unit}`.trim();
}

/** 1234.5 → "1.234,5", as Vietnamese documents write numbers. */
export function formatNumber(value: number, decimals = 2): string {
  const [whole, fraction] = (Math.round(value * 10 ** decimals) / 10 ** decimals).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const trimmed = fraction?.replace(/0+$/, '');
  return trimmed ? `${grouped},${trimmed}` : grouped;
}

export function percent(rate: number): string {
  return `${formatNumber(rate * 100, 1)} %`;
}

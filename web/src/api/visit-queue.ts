import { openDB, type IDBPDatabase } from 'idb';
import { api } from './session';
import type { components } from './schema';

export type VisitInput = components['schemas']['CreateVisitDto'];
export type ConsentMoveInput = components['schemas']['ConsentTransitionDto'];

/** Work done on the phone, kept on the device until the server has it: a visit or a consent move. */
export type QueuedWork = {
  clientId: string;
  householdId: string;
  householdLabel: string;
  state: 'pending' | 'rejected' | 'conflict';
  /** Why the server refused it, in its words. */
  error?: string;
  queuedAt: string;
} & (
  | { kind: 'visit'; visit: VisitInput }
  | { kind: 'consent'; basedOnVersion: number; move: ConsentMoveInput }
);

const listeners = new Set<() => void>();
let database: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB('gpmb-field', 2, {
    upgrade(upgrade, oldVersion) {
      if (oldVersion < 1) upgrade.createObjectStore('visits', { keyPath: 'clientId' });
    },
  });
  return database;
}

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = () => listeners.forEach((listener) => listener());

export async function queuedVisits(): Promise<QueuedWork[]> {
  const all = (await (await db()).getAll('visits')) as Array<QueuedWork & { kind?: QueuedWork['kind'] }>;
  return all
    .map((item) => ({ ...item, kind: item.kind ?? 'visit' }) as QueuedWork)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

async function enqueue(item: QueuedWork): Promise<void> {
  await (await db()).put('visits', item);
  changed();
  await syncVisits();
}

/**
 * Keeps the visit on the device with its own client id (its idempotency key), then tries to send
 * everything pending: offline, it simply waits for the connection.
 */
export function queueVisit(householdId: string, householdLabel: string, visit: VisitInput): Promise<void> {
  return enqueue({
    kind: 'visit',
    clientId: crypto.randomUUID(),
    householdId,
    householdLabel,
    visit,
    state: 'pending',
    queuedAt: new Date().toISOString(),
  });
}

/** A consent move decided on the phone, checked on arrival against the household as it then is. */
export function queueConsentMove(
  householdId: string,
  householdLabel: string,
  basedOnVersion: number,
  move: ConsentMoveInput,
): Promise<void> {
  return enqueue({
    kind: 'consent',
    clientId: crypto.randomUUID(),
    householdId,
    householdLabel,
    basedOnVersion,
    move,
    state: 'pending',
    queuedAt: new Date().toISOString(),
  });
}

let syncing: Promise<void> | null = null;

/**
 * Sends what is pending, visits first then consent moves, each kind in one batch; what the server
 * took leaves the device, what it refused stays with why (a move on a household that changed
 * meanwhile is a conflict, shown with the household's current state).
 */
export function syncVisits(): Promise<void> {
  syncing ??= (async () => {
    if (!navigator.onLine) return;
    const pending = (await queuedVisits()).filter((item) => item.state === 'pending');
    const store = await db();
    const visits = pending.filter((item) => item.kind === 'visit');
    if (visits.length) {
      const response = await api
        .POST('/api/v1/sync/visits', {
          body: {
            items: visits.map((item) => ({ clientId: item.clientId, householdId: item.householdId, visit: item.visit })),
          },
        })
        .catch(() => null);
      for (const result of response?.data?.results ?? []) {
        const item = visits[result.index];
        if (!item) continue;
        if (result.outcome === 'rejected') {
          await store.put('visits', { ...item, state: 'rejected', error: result.error?.message ?? 'Bị từ chối' });
        } else await store.delete('visits', item.clientId);
      }
    }
    const moves = pending.filter((item) => item.kind === 'consent');
    if (moves.length) {
      const response = await api
        .POST('/api/v1/sync/consent-moves', {
          body: {
            items: moves.map((item) => ({
              clientId: item.clientId,
              householdId: item.householdId,
              basedOnVersion: item.basedOnVersion,
              move: item.move,
            })),
          },
        })
        .catch(() => null);
      for (const result of response?.data?.results ?? []) {
        const item = moves[result.index];
        if (!item) continue;
        if (result.outcome === 'conflict') {
          const now = result.household;
          const error = `Hộ đã thay đổi trong lúc mất kết nối${now ? ` (trạng thái hiện tại: ${now.status})` : ''}`;
          await store.put('visits', { ...item, state: 'conflict', error });
        } else if (result.outcome === 'rejected') {
          await store.put('visits', { ...item, state: 'rejected', error: result.error?.message ?? 'Bị từ chối' });
        } else await store.delete('visits', item.clientId);
      }
    }
    changed();
  })().finally(() => (syncing = null));
  return syncing;
}

export async function discardVisit(clientId: string): Promise<void> {
  await (await db()).delete('visits', clientId);
  changed();
}

window.addEventListener('online', () => void syncVisits());

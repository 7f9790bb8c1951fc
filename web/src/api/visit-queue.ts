import { openDB, type IDBPDatabase } from 'idb';
import { api } from './session';
import type { components } from './schema';

export type VisitInput = components['schemas']['CreateVisitDto'];

/** A visit made on the phone, kept on the device until the server has it. */
export interface QueuedVisit {
  clientId: string;
  householdId: string;
  householdLabel: string;
  visit: VisitInput;
  state: 'pending' | 'rejected';
  /** Why the server refused it, in its words. */
  error?: string;
  queuedAt: string;
}

const listeners = new Set<() => void>();
let database: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB('gpmb-field', 1, {
    upgrade(upgrade) {
      upgrade.createObjectStore('visits', { keyPath: 'clientId' });
    },
  });
  return database;
}

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = () => listeners.forEach((listener) => listener());

export async function queuedVisits(): Promise<QueuedVisit[]> {
  return ((await (await db()).getAll('visits')) as QueuedVisit[]).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/**
 * Keeps the visit on the device with its own client id (its idempotency key), then tries to send
 * everything pending: offline, it simply waits for the connection.
 */
export async function queueVisit(householdId: string, householdLabel: string, visit: VisitInput): Promise<void> {
  const item: QueuedVisit = {
    clientId: crypto.randomUUID(),
    householdId,
    householdLabel,
    visit,
    state: 'pending',
    queuedAt: new Date().toISOString(),
  };
  await (await db()).put('visits', item);
  changed();
  await syncVisits();
}

let syncing: Promise<void> | null = null;

/** Sends the pending visits in one batch; created and replayed ones leave the device, refused ones stay with why. */
export function syncVisits(): Promise<void> {
  syncing ??= (async () => {
    const pending = (await queuedVisits()).filter((item) => item.state === 'pending');
    if (pending.length === 0 || !navigator.onLine) return;
    let response;
    try {
      response = await api.POST('/api/v1/sync/visits', {
        body: { items: pending.map(({ clientId, householdId, visit }) => ({ clientId, householdId, visit })) },
      });
    } catch {
      return; // The connection dropped again: the visits stay pending.
    }
    if (!response.data) return;
    const store = await db();
    for (const result of response.data.results) {
      const item = pending[result.index];
      if (!item) continue;
      if (result.outcome === 'rejected') {
        await store.put('visits', { ...item, state: 'rejected', error: result.error?.message ?? 'Bị từ chối' });
      } else {
        await store.delete('visits', item.clientId);
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

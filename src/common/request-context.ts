import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a write is attributed to in the audit trail and history rows. */
export interface Actor {
  type: 'user' | 'api_key' | 'system' | 'anonymous';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' };
export const ANONYMOUS: Actor = { type: 'anonymous', id: null, name: 'anonymous' };

export interface RequestContextStore {
  requestId: string | null;
  ip: string | null;
  actor: Actor;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/**
 * Per-request facts that code far from the controller needs (the audit subscriber above all),
 * without threading them through every signature. Outside a request (jobs, seeds) it is the system.
 */
export const RequestContext = {
  run<T>(store: RequestContextStore, work: () => T): T {
    return storage.run(store, work);
  },

  current(): RequestContextStore {
    return storage.getStore() ?? { requestId: null, ip: null, actor: SYSTEM_ACTOR };
  },

  /** Called by the access guard once it knows who is calling. */
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};

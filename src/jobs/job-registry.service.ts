import { Injectable } from '@nestjs/common';
import { MethodDiscovery } from '../common/method-discovery.js';
import { JOB_HANDLER } from './job-handler.decorator.js';
import { JOB_NAMES, type JobName } from './job-names.js';

type Handler = (payload: unknown) => Promise<unknown>;

export class MissingJobHandlersError extends Error {}

/**
 * Every job's handler: the @HandlesJob methods of every provider, found at start-up, and handlers
 * other mechanisms register under their own names (one per domain-event subscription).
 */
@Injectable()
export class JobRegistry {
  private discovered: Map<string, Handler> | undefined;
  private readonly registered = new Map<string, Handler>();

  constructor(private readonly methods: MethodDiscovery) {}

  /** Adds a handler for a job name no @HandlesJob method takes; a name is handled once. */
  register(name: string, handler: Handler): void {
    if (this.registered.has(name) || this.discover().has(name)) throw new Error(`Job ${name} has two handlers`);
    this.registered.set(name, handler);
  }

  /** Throws unless every job name has exactly one handler: a worker must not start half-blind. */
  assertComplete(): void {
    const handlers = this.discover();
    const missing = JOB_NAMES.filter((name: JobName) => !handlers.has(name));
    if (missing.length) throw new MissingJobHandlersError(`No handler for job(s): ${missing.join(', ')}`);
  }

  async dispatch(name: string, payload: unknown): Promise<unknown> {
    const handler = this.discover().get(name) ?? this.registered.get(name);
    if (!handler) throw new MissingJobHandlersError(`No handler for job ${name}`);
    return handler(payload);
  }

  private discover(): Map<string, Handler> {
    if (this.discovered) return this.discovered;
    const handlers = new Map<string, Handler>();
    for (const { metadata: name, call } of this.methods.methodsWith<JobName>(JOB_HANDLER)) {
      if (handlers.has(name)) throw new Error(`Job ${name} has two handlers`);
      handlers.set(name, call);
    }
    this.discovered = handlers;
    return handlers;
  }
}

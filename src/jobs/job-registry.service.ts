import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { JOB_HANDLER } from './job-handler.decorator.js';
import { JOB_NAMES, type JobName, type JobPayloads } from './job-names.js';

type Handler = (payload: unknown) => Promise<unknown>;

export class MissingJobHandlersError extends Error {}

/** Finds the @HandlesJob methods of every provider and dispatches jobs to them. */
@Injectable()
export class JobRegistry {
  private handlers: Map<JobName, Handler> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Throws unless every job name has exactly one handler: a worker must not start half-blind. */
  assertComplete(): void {
    const handlers = this.discover();
    const missing = JOB_NAMES.filter((name) => !handlers.has(name));
    if (missing.length) throw new MissingJobHandlersError(`No handler for job(s): ${missing.join(', ')}`);
  }

  async dispatch<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<unknown> {
    const handler = this.discover().get(name);
    if (!handler) throw new MissingJobHandlersError(`No handler for job ${name}`);
    return handler(payload);
  }

  private discover(): Map<JobName, Handler> {
    if (this.handlers) return this.handlers;
    const handlers = new Map<JobName, Handler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, fn as () => unknown);
        if (!name) continue;
        if (handlers.has(name)) throw new Error(`Job ${name} has two handlers`);
        handlers.set(name, (payload) => (fn as (payload: unknown) => Promise<unknown>).call(instance, payload));
      }
    }
    this.handlers = handlers;
    return handlers;
  }
}

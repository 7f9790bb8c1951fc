import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** A provider method carrying a metadata key, bound to its instance. */
export interface DiscoveredMethod<M> {
  metadata: M;
  /** `Class.method`, for error messages. */
  name: string;
  call: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Finds the provider methods marked with a metadata key (@HandlesJob, @OnDomainEvent,
 * @ResolvesScope): the one scan of the container that the job, event and scope registries share.
 * An alias (`useExisting`) is the same instance under a second token and is scanned once.
 */
@Injectable()
export class MethodDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  methodsWith<M>(key: string): Array<DiscoveredMethod<M>> {
    const found: Array<DiscoveredMethod<M>> = [];
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      if (seen.has(instance)) continue;
      seen.add(instance);
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const fn = instance[method];
        if (typeof fn !== 'function') continue;
        const metadata = this.reflector.get<M | undefined>(key, fn as () => unknown);
        if (metadata === undefined) continue;
        found.push({
          metadata,
          name: `${instance.constructor.name}.${method}`,
          call: (...args) => (fn as (...a: unknown[]) => Promise<unknown>).apply(instance, args),
        });
      }
    }
    return found;
  }
}

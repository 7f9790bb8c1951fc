import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { MethodDiscovery } from '../../common/method-discovery.js';
import { SCOPED_RESOURCE, type ScopedResourceSpec } from './access.decorators.js';
import type { Principal } from './principal.js';
import { type LocateRecord, PrincipalScopes, SCOPE_RESOLVER } from './scope-resolvers.js';
import type { RecordLocation, Scope } from './scope.js';

/**
 * Where every kind of record lies, and what a principal may see: the @ResolvesScope methods of
 * every provider and the one PrincipalScopes, found at start-up, which fails when a route's
 * @InScope names a kind nobody resolves (a route that would otherwise be unguarded).
 */
@Injectable()
export class ScopeRegistry implements OnApplicationBootstrap {
  private resolvers: Map<string, LocateRecord> | undefined;
  private principals: PrincipalScopes | undefined;

  constructor(
    private readonly methods: MethodDiscovery,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const resolvers = this.discover();
    const unresolved = new Set<string>();
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance) continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const handler = (instance as Record<string, unknown>)[method] as () => unknown;
        const spec = this.reflector.getAllAndOverride<ScopedResourceSpec | undefined>(SCOPED_RESOURCE, [
          handler,
          instance.constructor,
        ]);
        if (spec && !resolvers.has(spec.kind)) unresolved.add(spec.kind);
      }
    }
    if (unresolved.size) throw new Error(`No scope resolver for @InScope kind(s): ${[...unresolved].join(', ')}`);
    this.principalScopes();
  }

  /** What the principal may see. */
  scopeOf(principal: Principal): Promise<Scope> {
    return this.principalScopes().scopeOf(principal);
  }

  /** Where the record lies, or null when it does not exist. */
  locate(kind: string, id: string): Promise<RecordLocation | null> {
    const resolve = this.discover().get(kind);
    if (!resolve) throw new Error(`No scope resolver for ${kind}`);
    return resolve(id);
  }

  private principalScopes(): PrincipalScopes {
    this.principals ??= this.moduleRef.get<PrincipalScopes>(PrincipalScopes, { strict: false });
    return this.principals;
  }

  private discover(): Map<string, LocateRecord> {
    if (this.resolvers) return this.resolvers;
    const resolvers = new Map<string, LocateRecord>();
    for (const { metadata: kind, call } of this.methods.methodsWith<string>(SCOPE_RESOLVER)) {
      if (resolvers.has(kind)) throw new Error(`Two scope resolvers for ${kind}`);
      resolvers.set(kind, (id) => call(id) as ReturnType<LocateRecord>);
    }
    this.resolvers = resolvers;
    return resolvers;
  }
}

import { SetMetadata } from '@nestjs/common';
import type { QueueName } from '../jobs/job-names.js';
import type { DomainEvent, DomainEventName } from './domain-events.js';

export const DOMAIN_EVENT_HANDLER = 'events:handler';

export interface SubscriptionOptions {
  /**
   * Stable, unique name of the subscription (`<module>.<what it does>`): the job name and the
   * receipt key. Never derived from a class name, so a rename does not orphan queued jobs.
   */
  id: string;
  /** Queue the subscription's jobs run on (default `events`). */
  queue?: QueueName;
  /**
   * Runs inside the publisher's transaction instead of as a job after the commit. Only for work
   * that must commit or fail with the change itself (ending sessions with a revoked account).
   */
  inTransaction?: boolean;
}

export interface SubscriptionMetadata extends Required<Omit<SubscriptionOptions, 'inTransaction'>> {
  event: DomainEventName;
  inTransaction: boolean;
}

type Handler<N extends DomainEventName> = (event: DomainEvent<N>) => Promise<unknown>;

/**
 * Marks a provider method as a subscriber of a domain event. An asynchronous subscriber runs as its
 * own job, once per event: it runs in a transaction together with the receipt of the event, so a
 * retry after a failure, or the same event delivered twice, never repeats its effect. It must
 * re-read what it needs rather than trust the payload to be current.
 */
export function OnDomainEvent<N extends DomainEventName>(event: N, options: SubscriptionOptions) {
  const metadata: SubscriptionMetadata = {
    event,
    id: options.id,
    queue: options.queue ?? 'events',
    inTransaction: options.inTransaction ?? false,
  };
  return <T extends Handler<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): TypedPropertyDescriptor<T> | void => SetMetadata(DOMAIN_EVENT_HANDLER, metadata)(target, key, descriptor);
}

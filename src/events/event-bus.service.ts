import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock/clock.js';
import { MethodDiscovery } from '../common/method-discovery.js';
import { RequestContext, SYSTEM_ACTOR } from '../common/request-context.js';
import { addDaysToInstant } from '../common/time/civil-date.js';
import { TransactionHost } from '../database/transaction-host.js';
import { HandlesJob } from '../jobs/job-handler.decorator.js';
import { JOB_NAMES, QUEUES, type QueueName } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { DomainEvent, DomainEventName, DomainEvents } from './domain-events.js';
import { EventReceiptsRepository } from './event-receipts.repository.js';
import { DOMAIN_EVENT_HANDLER, type SubscriptionMetadata } from './on-domain-event.decorator.js';

interface Subscription extends SubscriptionMetadata {
  handle: (event: DomainEvent) => Promise<unknown>;
}

export type DeliveryOutcome = 'handled' | 'already-handled';

/** Job name of one subscription's deliveries. */
export const subscriptionJobName = (id: string) => `event:${id}`;

const SUBSCRIPTION_ID = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;
const MAX_SUBSCRIPTION_ID = 58;
/** How long a subscriber's receipt of an event is kept, against a late second delivery. */
export const KEEP_RECEIPTS_DAYS = 30;

/**
 * The one way modules react to each other. `publish` is called in the producer's transaction: it
 * runs the in-transaction subscribers, and writes one outbox job per asynchronous subscriber, which
 * commits or rolls back with the change. Subscribers are the @OnDomainEvent methods of every
 * provider, found and checked at start-up (unique, well-formed ids, known queues).
 */
@Injectable()
export class EventBus implements OnModuleInit {
  private readonly logger = new Logger(EventBus.name);
  private subscriptions: Map<DomainEventName, Subscription[]> | undefined;

  constructor(
    private readonly methods: MethodDiscovery,
    private readonly tx: TransactionHost,
    private readonly jobs: JobsService,
    private readonly registry: JobRegistry,
    private readonly receipts: EventReceiptsRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const subscription of this.all()) {
      if (subscription.inTransaction) continue;
      this.registry.register(subscriptionJobName(subscription.id), (payload) =>
        this.deliver(subscription, payload as DomainEvent),
      );
    }
  }

  /**
   * Nightly: receipts older than any re-delivery could be. An event is delivered again only while
   * its job is unfinished (a retry, a stalled worker, a Redis that lost it), within minutes or hours.
   */
  @HandlesJob('events.purge-receipts')
  purgeReceipts(): Promise<number> {
    return this.receipts.deleteHandledBefore(addDaysToInstant(this.clock.now(), -KEEP_RECEIPTS_DAYS));
  }

  async publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): Promise<void> {
    const subscribers = this.subscribersOf(name);
    if (subscribers.length === 0) return;
    const event: DomainEvent<N> = {
      id: randomUUID(),
      name,
      occurredAt: this.clock.now().toISOString(),
      actor: RequestContext.current().actor,
      payload,
    };
    await this.tx.run(async () => {
      for (const subscription of subscribers.filter((s) => s.inTransaction)) await subscription.handle(event);
      await this.jobs.enqueueAll(
        subscribers
          .filter((s) => !s.inTransaction)
          .map((subscription) => ({
            name: subscriptionJobName(subscription.id),
            queue: subscription.queue,
            payload: event as unknown as Record<string, unknown>,
            key: event.id,
          })),
      );
    });
  }

  /** The subscription ids of an event, for tests and the docs. */
  subscriptionIdsOf(name: DomainEventName): string[] {
    return this.subscribersOf(name).map((s) => s.id);
  }

  /** The queue an asynchronous subscription's jobs run on. */
  queueOf(subscriptionId: string): QueueName | undefined {
    return this.all().find((s) => s.id === subscriptionId && !s.inTransaction)?.queue;
  }

  /**
   * Hands one event to one subscriber, as the system, in one transaction with its receipt: when the
   * handler fails nothing of it stays (the job is retried), and when it succeeded before nothing runs.
   */
  deliver(subscription: Subscription, event: DomainEvent): Promise<DeliveryOutcome> {
    return RequestContext.run({ requestId: `event:${event.id}`, ip: null, actor: SYSTEM_ACTOR }, () =>
      this.tx.run(async () => {
        if (!(await this.receipts.claim(subscription.id, event.id, this.clock.now()))) return 'already-handled';
        await subscription.handle(event);
        return 'handled';
      }),
    );
  }

  private subscribersOf(name: DomainEventName): Subscription[] {
    return this.discover().get(name) ?? [];
  }

  private all(): Subscription[] {
    return [...this.discover().values()].flat();
  }

  private discover(): Map<DomainEventName, Subscription[]> {
    if (this.subscriptions) return this.subscriptions;
    const byEvent = new Map<DomainEventName, Subscription[]>();
    const ids = new Set<string>();
    for (const { metadata, call } of this.methods.methodsWith<SubscriptionMetadata>(DOMAIN_EVENT_HANDLER)) {
      assertWellFormed(metadata, ids);
      ids.add(metadata.id);
      const subscription: Subscription = { ...metadata, handle: (event) => call(event) };
      byEvent.set(metadata.event, [...(byEvent.get(metadata.event) ?? []), subscription]);
    }
    this.subscriptions = byEvent;
    this.logger.debug(`Domain event subscriptions: ${[...ids].sort().join(', ')}`);
    return byEvent;
  }
}

function assertWellFormed(subscription: SubscriptionMetadata, taken: ReadonlySet<string>): void {
  const { id, queue, event } = subscription;
  if (!SUBSCRIPTION_ID.test(id) || id.length > MAX_SUBSCRIPTION_ID) {
    throw new Error(
      `Subscription id "${id}" (of ${event}) must look like module.what-it-does, ≤ ${MAX_SUBSCRIPTION_ID} chars`,
    );
  }
  if (taken.has(id)) throw new Error(`Two subscriptions are named ${id}`);
  if ((JOB_NAMES as readonly string[]).includes(id)) throw new Error(`Subscription ${id} takes the name of a job`);
  if (!(QUEUES as readonly string[]).includes(queue))
    throw new Error(`Subscription ${id} names unknown queue ${queue}`);
}

import type { Actor } from '../common/request-context.js';

/**
 * The typed map of domain events: event name → payload. It is empty here and filled by the module
 * that owns each event, in its `<module>.events.ts`, through declaration merging:
 *
 *   declare module '../../events/domain-events.js' {
 *     interface DomainEvents { 'household.archived': HouseholdArchived }
 *   }
 *
 * so this layer names no feature, a subscriber needs no import of the producer, and an unknown
 * event name or a wrong payload is a compile error. Names are part of stored jobs: never rename one.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEvents {}

export type DomainEventName = Extract<keyof DomainEvents, string>;

/** One occurrence of an event, as stored in the outbox and handed to each subscriber. */
export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  /** Unique per occurrence; subscribers deduplicate on it. */
  id: string;
  name: N;
  /** ISO 8601 instant of the change that raised it. */
  occurredAt: string;
  /** Who made the change (subscribers themselves act as the system). */
  actor: Actor;
  payload: DomainEvents[N];
}

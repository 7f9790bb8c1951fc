import { createHash, createHmac, randomBytes } from 'node:crypto';

/** Events an API client can subscribe to. Names are part of the public contract: never rename one. */
export const WEBHOOK_EVENTS = [
  'household.status_changed',
  'reminder.due',
  'complaint.overdue',
  'resettlement.offer_created',
  'resettlement.offer_accepted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The delivery id of one occurrence (a domain event, or one item of it) to one subscription: a
 * UUID derived from both, so however often the occurrence is handled or re-published, a receiver
 * sees one `X-GPMB-Delivery` id and can deduplicate on it.
 */
export function deliveryIdFor(occurrenceId: string, subscriptionId: string): string {
  const hex = createHash('sha256').update(`${occurrenceId}:${subscriptionId}`).digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A signing secret, shown to the subscriber once; prefixed so it is recognisable in a leak scan. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The body every delivery posts: the event envelope around the emitter's payload. */
export function deliveryBody(delivery: {
  id: string;
  event: string;
  createdAt: Date;
  payload: Record<string, unknown>;
}): string {
  return JSON.stringify({
    id: delivery.id,
    event: delivery.event,
    createdAt: delivery.createdAt.toISOString(),
    data: delivery.payload,
  });
}

/** `sha256=<hex HMAC-SHA256 of the raw body>`: receivers recompute it over the bytes they got. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export type AttemptOutcome =
  { status: 'delivered' } | { status: 'pending'; nextAttemptInMs: number } | { status: 'failed' };

/**
 * What a failed or successful attempt makes of the delivery. `attemptInRound` counts from 1 since
 * the delivery was (re)sent; the retry delay mirrors BullMQ's exponential backoff (delay × 2^(n−1)),
 * so the log can say when the next attempt is due.
 */
export function outcomeOfAttempt(
  succeeded: boolean,
  attemptInRound: number,
  policy: { attempts: number; backoffMs: number },
): AttemptOutcome {
  if (succeeded) return { status: 'delivered' };
  if (attemptInRound >= policy.attempts) return { status: 'failed' };
  return { status: 'pending', nextAttemptInMs: policy.backoffMs * 2 ** (attemptInRound - 1) };
}

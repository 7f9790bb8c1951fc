import { randomUUID } from 'node:crypto';
import type { WebhookEvent } from '../../src/modules/webhooks/domain/webhook-events.js';
import { WebhooksController } from '../../src/modules/webhooks/webhooks.controller.js';
import { WebhooksService } from '../../src/modules/webhooks/webhooks.service.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { WebhookReceiver } from '../utils/webhook-receiver.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe(WebhooksController.name, () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });

  afterEach(async () => {
    await receiver.stop();
  });

  /** Subscribes the receiver; only this test's subscription listens to `event`, since older ones are switched off. */
  async function subscribe(events: WebhookEvent[] = ['household.status_changed']) {
    await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false`);
    const created = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: receiver.url, events, description: 'Cổng thông tin GPMB thành phố' })
      .expect(201);
    receiver.secret = created.body.secret as string;
    return created.body as { id: string; secret: string; version: number };
  }

  const emit = (event: WebhookEvent, payload: Record<string, unknown>) =>
    t.tx.run(() => t.app.get(WebhooksService).emit(event, randomUUID(), payload));

  const deliveriesOf = async (subscriptionId: string) =>
    (await t.admin.get(`/api/v1/webhooks/${subscriptionId}/deliveries`).expect(200)).body.items as Array<
      Record<string, unknown>
    >;

  /** Retries wait out their backoff in Redis; the test moves them along instead of waiting. */
  async function promoteRetries(): Promise<void> {
    for (const job of await t.jobs.queue('webhooks').getDelayed()) await job.promote();
    await t.jobs.idle();
  }

  it('should show the signing secret once, at creation, and never again', async () => {
    const created = await subscribe();

    expect(created.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const got = await t.admin.get(`/api/v1/webhooks/${created.id}`).expect(200);
    expect(got.body).not.toHaveProperty('secret');
    expect(got.body).toMatchObject({
      url: receiver.url,
      events: ['household.status_changed'],
      active: true,
      description: 'Cổng thông tin GPMB thành phố',
      version: 1,
    });
    const listed = await t.admin.get('/api/v1/webhooks').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);
  });

  it.each([
    [{ url: 'ftp://example.com/hooks', events: ['reminder.due'] }, 'url'],
    [{ url: 'javascript:alert(1)', events: ['reminder.due'] }, 'url'],
    [{ url: 'not a url', events: ['reminder.due'] }, 'url'],
    [{ url: 'https://example.com/hooks', events: ['household.deleted'] }, 'events'],
    [{ url: 'https://example.com/hooks', events: [] }, 'events'],
    [{ url: 'https://example.com/hooks' }, 'events'],
  ])('should refuse %j with a 400 naming %s', async (body, field) => {
    const response = await t.admin.post('/api/v1/webhooks').send(body).expect(400);
    expect(response.body.details.fields).toHaveProperty(field);
  });

  it('should let only administrators manage webhooks', async () => {
    const chair = await t.as('chair');
    await chair.api.get('/api/v1/webhooks').expect(403);
    await chair.api
      .post('/api/v1/webhooks')
      .send({ url: receiver.url, events: ['reminder.due'] })
      .expect(403);
  });

  it('should post a signed event to the receiver and log the delivery', async () => {
    const subscription = await subscribe();

    await emit('household.status_changed', {
      householdId: 'h1',
      from: 'conditional',
      to: 'agreed',
      headName: 'Lê Thị Hoà',
    });
    await t.jobs.idle();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.signatureValid).toBe(true);
    expect(request.headers['x-gpmb-event']).toBe('household.status_changed');
    expect(request.headers['x-gpmb-timestamp']).toMatch(/^\d{10}$/);
    expect(request.json).toEqual({
      id: request.headers['x-gpmb-delivery'],
      event: 'household.status_changed',
      createdAt: expect.any(String),
      data: { householdId: 'h1', from: 'conditional', to: 'agreed', headName: 'Lê Thị Hoà' },
    });
    expect(await deliveriesOf(subscription.id)).toEqual([
      expect.objectContaining({
        id: request.json.id,
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        deliveredAt: expect.any(String),
      }),
    ]);
  });

  it('should announce nothing when the emitting transaction rolls back', async () => {
    const subscription = await subscribe();

    await expect(
      t.tx.run(async () => {
        await t.app.get(WebhooksService).emit('household.status_changed', randomUUID(), { householdId: 'h2' });
        throw new Error('the status change failed');
      }),
    ).rejects.toThrow('the status change failed');
    await t.jobs.idle();

    expect(receiver.received).toHaveLength(0);
    expect(await deliveriesOf(subscription.id)).toEqual([]);
  });

  it('should deliver only to active subscriptions for that event', async () => {
    const subscription = await subscribe(['resettlement.offer_created']);
    const other = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: receiver.url, events: ['reminder.due'] })
      .expect(201);
    await t.admin.patch(`/api/v1/webhooks/${other.body.id}`).send({ active: false }).expect(200);

    await emit('reminder.due', { reminderId: 'r1' });
    await emit('resettlement.offer_created', { offerId: 'o1' });
    await t.jobs.idle();

    expect(receiver.received.map((request) => request.json.event)).toEqual(['resettlement.offer_created']);
    expect(await deliveriesOf(subscription.id)).toHaveLength(1);
    expect(await deliveriesOf(other.body.id as string)).toEqual([]);
  });

  it('should retry with backoff while the receiver fails, and log each attempt', async () => {
    const subscription = await subscribe();
    receiver.respond = (_, index) => (index < 2 ? 500 : 200);

    await emit('household.status_changed', { householdId: 'h3' });
    await t.jobs.idle();
    expect(await deliveriesOf(subscription.id)).toEqual([
      expect.objectContaining({
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'The receiver answered HTTP 500',
        nextAttemptAt: expect.any(String),
        deliveredAt: null,
      }),
    ]);

    await promoteRetries();
    expect((await deliveriesOf(subscription.id))[0]).toMatchObject({ status: 'pending', attempts: 2 });

    await promoteRetries();
    expect((await deliveriesOf(subscription.id))[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((request) => request.headers['x-gpmb-delivery'])).size).toBe(1);
    expect(receiver.received.every((request) => request.signatureValid)).toBe(true);
  });

  it('should mark a delivery failed once every attempt is spent', async () => {
    const subscription = await subscribe(['complaint.overdue']);
    receiver.respond = () => 503;

    await emit('complaint.overdue', { complaintId: 'c1' });
    await t.jobs.idle();
    for (let round = 0; round < 10 && (await t.jobs.queue('webhooks').getDelayedCount()) > 0; round += 1) {
      await promoteRetries();
    }

    expect(await deliveriesOf(subscription.id)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 10, lastStatusCode: 503, nextAttemptAt: null }),
    ]);
    expect(receiver.received).toHaveLength(10);
  });

  it('should re-send a delivery on request, and refuse while it is still being attempted', async () => {
    const subscription = await subscribe();
    await emit('household.status_changed', { householdId: 'h4' });
    await t.jobs.idle();
    const [delivery] = await deliveriesOf(subscription.id);

    // The re-sent attempt is held open at the receiver, so the second request surely finds it in flight.
    let release: () => void = () => undefined;
    const held = new Promise<number>((resolve) => (release = () => resolve(200)));
    receiver.respond = () => held;
    try {
      const resent = await t.admin.post(`/api/v1/webhook-deliveries/${delivery.id as string}/resend`).expect(202);
      expect(resent.body).toMatchObject({ id: delivery.id, status: 'pending', deliveredAt: null });
      await t.admin.post(`/api/v1/webhook-deliveries/${delivery.id as string}/resend`).expect(409);
    } finally {
      release();
      receiver.respond = () => 200;
    }
    await t.jobs.idle();

    expect(receiver.received.map((request) => request.json.id)).toEqual([delivery.id, delivery.id]);
    expect((await deliveriesOf(subscription.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    await t.admin.post(`/api/v1/webhook-deliveries/${UNKNOWN_ID}/resend`).expect(404);
  });

  it('should change a subscription only from its current version', async () => {
    const subscription = await subscribe();

    await t.admin
      .patch(`/api/v1/webhooks/${subscription.id}`)
      .set('If-Match', 'W/"1"')
      .send({ url: 'https://gpmb.example.vn/v2/hooks', events: ['reminder.due', 'complaint.overdue'] })
      .expect(200)
      .expect('etag', 'W/"2"');
    await t.admin
      .patch(`/api/v1/webhooks/${subscription.id}`)
      .set('If-Match', 'W/"1"')
      .send({ active: false })
      .expect(412);
    await t.admin.patch(`/api/v1/webhooks/${subscription.id}`).send({ url: 'file:///etc/passwd' }).expect(400);
    await t.admin.patch(`/api/v1/webhooks/${subscription.id}`).send({ active: null }).expect(400);

    const got = await t.admin.get(`/api/v1/webhooks/${subscription.id}`).expect(200);
    expect(got.body).toMatchObject({
      url: 'https://gpmb.example.vn/v2/hooks',
      events: ['reminder.due', 'complaint.overdue'],
      active: true,
      version: 2,
    });
    await t.admin.get(`/api/v1/webhooks/${UNKNOWN_ID}`).expect(404);
    await t.admin.get(`/api/v1/webhooks/${UNKNOWN_ID}/deliveries`).expect(404);
  });
});

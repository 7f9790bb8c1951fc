import { randomUUID } from 'node:crypto';
import { WebhooksService } from '../../src/modules/webhooks/webhooks.service.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { WebhookReceiver } from '../utils/webhook-receiver.js';

/** Internal addresses in every spelling a client might try; none may become a webhook target. */
const INTERNAL_URLS = [
  'http://127.0.0.1:9/x',
  'http://localhost/x',
  'http://169.254.169.254/latest',
  'http://[::1]/x',
  'http://10.1.2.3/x',
  'http://[::ffff:127.0.0.1]/x',
  'http://[fd00::1]/x',
  'http://192.168.1.1/x',
  'http://100.64.0.1/x',
  'http://0.0.0.0/x',
  'http://[::]/x',
];

/** Public, and an IP literal: accepting it needs no DNS (the test machine may have no internet). */
const PUBLIC_URL = 'https://93.184.216.34/hooks';

describe('Webhook targets (WEBHOOK_ALLOW_PRIVATE_TARGETS off)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, config: { webhooks: { allowPrivateTargets: false } } });
  });

  afterAll(async () => {
    await t.close();
  });

  const storedWithUrl = async (url: string): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM webhook_subscriptions WHERE url = $1',
      [url],
    );
    return rows[0].n;
  };

  it.each(INTERNAL_URLS)('should refuse to subscribe %s, and store nothing', async (url) => {
    const response = await t.admin
      .post('/api/v1/webhooks')
      .send({ url, events: ['reminder.due'] })
      .expect(400);

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.body.details.fields.url).toEqual([expect.stringContaining('public address')]);
    expect(await storedWithUrl(url)).toBe(0);
  });

  it('should say why in the url field', async () => {
    const metadata = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: 'http://169.254.169.254/latest', events: ['reminder.due'] })
      .expect(400);
    expect(metadata.body.details.fields.url[0]).toContain('169.254.169.254 is a link-local address');

    const mapped = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: 'http://[::ffff:127.0.0.1]/x', events: ['reminder.due'] })
      .expect(400);
    expect(mapped.body.details.fields.url[0]).toContain('loopback');
  });

  it('should refuse a name that does not resolve', async () => {
    const url = 'https://no-such-receiver.invalid/hooks';
    const response = await t.admin
      .post('/api/v1/webhooks')
      .send({ url, events: ['reminder.due'] })
      .expect(400);

    expect(response.body.details.fields.url[0]).toContain('no-such-receiver.invalid does not resolve');
    expect(await storedWithUrl(url)).toBe(0);
  });

  it('should accept a public address', async () => {
    const created = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: PUBLIC_URL, events: ['reminder.due'], active: false })
      .expect(201);

    expect(created.body).toMatchObject({ url: PUBLIC_URL, version: 1 });
  });

  it.each(INTERNAL_URLS)('should refuse to move a subscription to %s, and keep it as it was', async (url) => {
    const created = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: PUBLIC_URL, events: ['reminder.due'], active: false })
      .expect(201);

    const response = await t.admin.patch(`/api/v1/webhooks/${created.body.id}`).send({ url }).expect(400);

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.body.details.fields).toEqual({ url: [expect.stringContaining('public address')] });
    const got = await t.admin.get(`/api/v1/webhooks/${created.body.id}`).expect(200);
    expect(got.body).toMatchObject({ url: PUBLIC_URL, version: 1 });
    expect(await storedWithUrl(url)).toBe(0);
  });

  it('should still change what else a subscription has without looking at its URL', async () => {
    const created = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: PUBLIC_URL, events: ['reminder.due'], active: false })
      .expect(201);

    await t.admin
      .patch(`/api/v1/webhooks/${created.body.id}`)
      .send({ events: ['complaint.overdue'], description: 'Cổng GPMB' })
      .expect(200);
  });

  describe('at delivery', () => {
    let receiver: WebhookReceiver;

    beforeEach(async () => {
      receiver = await new WebhookReceiver().start();
    });

    afterEach(async () => {
      await receiver.stop();
    });

    /**
     * A subscription stored while internal targets were allowed, or whose name resolves elsewhere by
     * now: written straight to the table, past the check of the API.
     */
    async function storedSubscription(url: string): Promise<string> {
      await t.dataSource.query('UPDATE webhook_subscriptions SET active = false');
      const rows: { id: string }[] = await t.dataSource.query(
        `INSERT INTO webhook_subscriptions (url, events, secret) VALUES ($1, $2, 'whsec_test') RETURNING id`,
        [url, ['household.status_changed']],
      );
      return rows[0].id;
    }

    const deliveriesOf = async (subscriptionId: string) =>
      (await t.admin.get(`/api/v1/webhooks/${subscriptionId}/deliveries`).expect(200)).body.items as Array<
        Record<string, unknown>
      >;

    it.each([
      ['an internal address', (r: WebhookReceiver) => r.url, '127.0.0.1 is a loopback address'],
      [
        'a name resolving to one',
        (r: WebhookReceiver) => r.url.replace('127.0.0.1', 'localhost'),
        'localhost is the local host',
      ],
    ])('should refuse to connect to %s, and log why', async (_, urlOf, reason) => {
      const subscriptionId = await storedSubscription(urlOf(receiver));

      await t.tx.run(() =>
        t.app.get(WebhooksService).emit('household.status_changed', randomUUID(), { householdId: 'h1' }),
      );
      await t.jobs.idle();

      expect(receiver.received).toHaveLength(0);
      const [delivery] = await deliveriesOf(subscriptionId);
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null, deliveredAt: null });
      expect(delivery.lastError).toContain(`Refused to connect: ${reason}`);
    });
  });
});

import { createHmac } from 'node:crypto';
import { deliveryBody, outcomeOfAttempt, signatureOf } from './webhook-events.js';

describe(signatureOf.name, () => {
  it('should be the hex HMAC-SHA256 of the exact body bytes, Vietnamese text included', () => {
    const body = deliveryBody({
      id: 'd1',
      event: 'household.status_changed',
      createdAt: new Date('2026-03-10T02:00:00Z'),
      payload: { headName: 'Nguyễn Văn Ân' },
    });
    const expected = createHmac('sha256', 'whsec_test').update(Buffer.from(body, 'utf8')).digest('hex');
    expect(signatureOf(body, 'whsec_test')).toBe(`sha256=${expected}`);
  });
});

describe(deliveryBody.name, () => {
  it('should wrap the payload in the event envelope', () => {
    expect(
      JSON.parse(
        deliveryBody({
          id: 'd1',
          event: 'reminder.due',
          createdAt: new Date('2026-03-10T02:00:00Z'),
          payload: { a: 1 },
        }),
      ),
    ).toEqual({ id: 'd1', event: 'reminder.due', createdAt: '2026-03-10T02:00:00.000Z', data: { a: 1 } });
  });
});

describe(outcomeOfAttempt.name, () => {
  const policy = { attempts: 3, backoffMs: 10_000 };

  it.each([
    [true, 1, { status: 'delivered' }],
    [true, 3, { status: 'delivered' }],
    [false, 1, { status: 'pending', nextAttemptInMs: 10_000 }],
    [false, 2, { status: 'pending', nextAttemptInMs: 20_000 }],
    [false, 3, { status: 'failed' }],
    [false, 4, { status: 'failed' }],
  ])('should turn success=%p on attempt %p into %j', (succeeded, attempt, outcome) => {
    expect(outcomeOfAttempt(succeeded, attempt, policy)).toEqual(outcome);
  });
});

import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  maskWebhookSecret,
  signWebhook,
  webhookHeaders,
} from './signature.ts';

describe('Standard Webhooks signatures', () => {
  it('matches the reference vector of the Standard Webhooks specification', () => {
    const signature = signWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs "id.timestamp.body" with the base64-decoded secret, as a receiver recomputes it', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({
      type: 'case.updated',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { name: 'Кейс' },
    });
    const headers = webhookHeaders(secret, 'evt-1', new Date('2026-01-01T00:00:07.900Z'), body);
    expect(headers['webhook-id']).toBe('evt-1');
    expect(headers['webhook-timestamp']).toBe(String(Date.parse('2026-01-01T00:00:07Z') / 1000));
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`evt-1.${headers['webhook-timestamp']}.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('changes the signature when the body, id or timestamp changes', () => {
    const secret = generateWebhookSecret();
    const base = signWebhook(secret, 'a', 1, '{}');
    expect(signWebhook(secret, 'b', 1, '{}')).not.toBe(base);
    expect(signWebhook(secret, 'a', 2, '{}')).not.toBe(base);
    expect(signWebhook(secret, 'a', 1, '{ }')).not.toBe(base);
  });

  it('makes whsec_ secrets of 32 random bytes and masks all but a short prefix', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
    expect(maskWebhookSecret(secret)).toBe(`${secret.slice(0, 10)}…`);
  });

  it('refuses a secret without the whsec_ prefix', () => {
    expect(() => signWebhook('plain', 'a', 1, '{}')).toThrow(/whsec_/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  inboundAddressOf,
  isAutomatedMail,
  newInboundToken,
  publicRefsIn,
  sentMessageIdsIn,
  tokenOfRecipient,
} from './mail-rules.ts';
import { createTokenBuckets } from './token-bucket.ts';

const TOKEN = 'abcdefghjk2345';

describe('tokenOfRecipient', () => {
  it.each<[string, string | null]>([
    [`feedback+${TOKEN}@cx.example.ru`, TOKEN],
    [`${TOKEN}@any.domain`, TOKEN],
    [`Feedback+${TOKEN.toUpperCase()}@CX.EXAMPLE.RU`, TOKEN],
    ['feedback@cx.example.ru', null],
    ['feedback+short@cx.example.ru', null],
    [`feedback+${TOKEN}x@cx.example.ru`, null],
    ['', null],
  ])('%s → %s', (address, expected) => {
    expect(tokenOfRecipient(address)).toBe(expected);
  });

  it('recognises every token it makes', () => {
    for (let i = 0; i < 50; i++) {
      const token = newInboundToken();
      expect(tokenOfRecipient(inboundAddressOf(token, 'https://cx.example.ru:8443/app'))).toBe(
        token,
      );
    }
    expect(inboundAddressOf(TOKEN, 'https://cx.example.ru:8443/app')).toBe(
      `feedback+${TOKEN}@cx.example.ru`,
    );
  });
});

describe('isAutomatedMail', () => {
  const h = (o: Record<string, unknown>) => new Map(Object.entries(o));
  it.each<[string, Record<string, unknown>, string, string, boolean]>([
    ['a person writing', {}, 'ivan@example.ru', 'ivan@example.ru', false],
    [
      'Auto-Submitted: no is a person',
      { 'auto-submitted': 'no' },
      'ivan@example.ru',
      'ivan@example.ru',
      false,
    ],
    [
      'Auto-Submitted: auto-replied',
      { 'auto-submitted': 'auto-replied' },
      'ivan@example.ru',
      'ivan@example.ru',
      true,
    ],
    ['X-Autoreply', { 'x-autoreply': 'yes' }, 'ivan@example.ru', 'ivan@example.ru', true],
    ['Precedence: bulk', { precedence: 'bulk' }, 'ivan@example.ru', 'ivan@example.ru', true],
    [
      'Precedence: auto_reply',
      { precedence: 'auto_reply' },
      'ivan@example.ru',
      'ivan@example.ru',
      true,
    ],
    ['null envelope sender (a bounce)', {}, '', 'ivan@example.ru', true],
    ['MAILER-DAEMON', {}, 'mailer-daemon@mx.example.ru', 'mailer-daemon@mx.example.ru', true],
    ['postmaster', {}, 'bounces@example.ru', 'postmaster@example.ru', true],
  ])('%s', (_why, headers, envelopeFrom, from, expected) => {
    expect(isAutomatedMail(h(headers), envelopeFrom, from)).toBe(expected);
  });
});

describe('threading hints', () => {
  const id = '01a206ea-dd6a-7001-8c1b-5f588a061bc6';
  it('finds our message ids in In-Reply-To and References, once each', () => {
    expect(sentMessageIdsIn(`<${id}@clientloop>`, [`<x@gmail.com>`, `<${id}@clientloop>`])).toEqual(
      [id],
    );
    expect(sentMessageIdsIn(undefined, `<${id.toUpperCase()}@clientloop>`)).toEqual([id]);
    expect(sentMessageIdsIn('<other@mail.example.ru>', undefined)).toEqual([]);
    expect(sentMessageIdsIn(`<${id}@elsewhere>`, undefined)).toEqual([]);
  });
  it('finds public references in a subject', () => {
    expect(publicRefsIn('Re: Мы получили ваш отзыв — CL-7K3M9QX2TB')).toEqual(['CL-7K3M9QX2TB']);
    expect(publicRefsIn('Re: CL-7K3M9QX2T (too short), CL-OOOOOOOOOO (no O)')).toEqual([]);
  });
});

describe('token buckets', () => {
  it('allow a burst, refuse beyond it, and refill with time, per key', () => {
    let t = 0;
    const buckets = createTokenBuckets({ capacity: 3, refillPerMinute: 3, now: () => t });
    expect([1, 2, 3, 4].map(() => buckets.take('ip:1'))).toEqual([true, true, true, false]);
    expect(buckets.take('ip:2')).toBe(true);
    t += 19_000;
    expect(buckets.take('ip:1')).toBe(false);
    t += 1_000;
    expect(buckets.take('ip:1')).toBe(true);
    expect(buckets.take('ip:1')).toBe(false);
  });
  it('forgets idle keys when it grows, and keeps limiting the busy ones', () => {
    let t = 0;
    const buckets = createTokenBuckets({
      capacity: 1,
      refillPerMinute: 1,
      now: () => t,
      maxKeys: 2,
    });
    expect(buckets.take('busy')).toBe(true);
    expect(buckets.take('idle')).toBe(true);
    t += 60_000;
    expect(buckets.take('busy')).toBe(true); // refilled
    expect(buckets.take('new')).toBe(true); // prunes "idle" (full again), keeps "busy" (empty)
    expect(buckets.take('busy')).toBe(false);
  });
});

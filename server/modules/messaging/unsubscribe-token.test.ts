// Unsubscribe tokens: only the instance key makes them, any change to one is refused, and they
// show neither id.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  makeUnsubscribeToken,
  readUnsubscribeToken,
  unsubscribeKeys,
} from './unsubscribe-token.ts';

const keys = unsubscribeKeys(randomBytes(32).toString('hex'));
const org = '0195f3a2-0000-7000-8000-00000000000a';
const contact = '0195f3a2-1111-7222-8333-444455556666';

describe('unsubscribe tokens', () => {
  it('name the contact and organisation they were made for, and show neither', () => {
    const token = makeUnsubscribeToken(keys, org, contact);
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(readUnsubscribeToken(keys, token)).toEqual({ orgId: org, contactId: contact });
    const hex = Buffer.from(token, 'base64url').toString('hex');
    expect(hex).not.toContain(contact.replace(/-/g, ''));
    expect(hex).not.toContain(org.replace(/-/g, ''));
    expect(makeUnsubscribeToken(keys, org, contact)).toBe(token); // the same link every time
  });

  it('refuses a token with any character changed, another key, or any other shape', () => {
    const token = makeUnsubscribeToken(keys, org, contact);
    for (let i = 0; i < token.length; i++) {
      const c = token[i] === 'A' ? 'B' : 'A';
      expect(readUnsubscribeToken(keys, token.slice(0, i) + c + token.slice(i + 1))).toBe(
        undefined,
      );
    }
    const other = unsubscribeKeys(randomBytes(32).toString('hex'));
    expect(readUnsubscribeToken(other, token)).toBeUndefined();
    for (const bad of ['', 'x', token.slice(1), `${token}A`, '../../etc/passwd', 'A'.repeat(64)])
      expect(readUnsubscribeToken(keys, bad)).toBeUndefined();
  });
});

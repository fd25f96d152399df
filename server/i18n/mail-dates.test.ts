// Due times in mails: the formatters are kept per language and zone (issue 20); a kept one must
// give what a fresh one gives, for every language and zone asked in any order.
import { describe, expect, it } from 'vitest';
import { mailDateTime } from './mail-dates.ts';

describe('mailDateTime', () => {
  it('formats in the reader language and the organisation zone, whatever was asked before', () => {
    const at = '2026-12-06T11:30:00Z';
    // Moscow UTC+3, Yekaterinburg UTC+5, Berlin UTC+1 (CET in December).
    const expected: [Parameters<typeof mailDateTime>[1], string, string][] = [
      ['ru', 'Europe/Moscow', '6 декабря 2026 г. в 14:30 GMT+3'],
      ['en', 'Europe/Moscow', '6 December 2026 at 14:30 GMT+3'],
      ['ru', 'Asia/Yekaterinburg', '6 декабря 2026 г. в 16:30 GMT+5'],
      ['en', 'Europe/Berlin', '6 December 2026 at 12:30 CET'],
    ];
    for (let round = 0; round < 2; round++)
      for (const [language, zone, text] of round ? [...expected].reverse() : expected)
        expect(mailDateTime(at, language, zone)).toBe(text);
    expect(mailDateTime('not a date', 'en', 'Europe/Moscow')).toBe('not a date');
  });
});

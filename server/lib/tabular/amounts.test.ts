// Money and calendar-date cells as Russian and English spreadsheets write them, table-driven.
import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseAmount } from './amounts.ts';
import { parseCalendarDate } from './cell-values.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parseAmount', () => {
  it.each([
    ['1 234,50', ',', 1234.5],
    [`1${NBSP}234,50`, ',', 1234.5],
    [`1${NNBSP}234${NNBSP}567,05`, ',', 1234567.05],
    ['1 234,50 ₽', ',', 1234.5],
    ['1 234,50 руб.', ',', 1234.5],
    ['₽ 99', ',', 99],
    ['12.345,67', ',', 12345.67],
    ['1234,5', ',', 1234.5],
    ['1.234', ',', 1234],
    ['-1 000,00', ',', -1000],
    ['0,29', ',', 0.29],
    ['1234.5', '.', 1234.5],
    ['12,345.67', '.', 12345.67],
    ['1,234,567', '.', 1234567],
    ['1 234.50', '.', 1234.5],
    ['+7', '.', 7],
  ] as const)('%j with decimal "%s" is %d', (text, decimal, value) => {
    expect(parseAmount(text, decimal)).toEqual({ ok: true, value });
  });

  it.each([
    ['12,345.67', ',', 'number_format'], // a point after the decimal comma
    ['1,5', '.', 'number_format'], // a comma groups thousands in this file: 1 digit cannot follow
    ['12.345,67', '.', 'number_format'],
    ['1.23.45', ',', 'number_format'],
    ['1 23,00', ',', 'number_format'], // groups of three only
    ['12 345 6', ',', 'number_format'],
    ['abc', ',', 'not_a_number'],
    ['', ',', 'not_a_number'],
    ['1,', ',', 'not_a_number'],
    ['--5', ',', 'not_a_number'],
    ['1e5', '.', 'not_a_number'],
  ] as const)('%j with decimal "%s" is refused as %s', (text, decimal, code) => {
    expect(parseAmount(text, decimal)).toMatchObject({ ok: false, code });
  });

  it('reads a hostile cell of 20 000 characters in one pass', () => {
    // A backtracking pattern would take minutes here; the scan answers at the first stray character.
    expect(parseAmount(`${'1 '.repeat(10_000)}x`, ',')).toMatchObject({ ok: false });
    expect(parseAmount(`${'1'.repeat(20_000)}`, ',')).toMatchObject({ code: 'not_a_number' }); // ∞
  });
});

describe('detectDecimalSeparator', () => {
  it.each([
    [['1 234,50', '99', '10,5'], ',', true],
    [['1234.5', '12,345.67'], '.', true],
    [['12.345,67', '1.234'], ',', true],
    [['1,234,567', '5'], '.', true],
    [['1,234', '5,000'], '.', true], // three digits after a single comma: thousands, weakly
    [['1,234', '10,5'], ',', true], // ...outvoted by a real decimal comma
    [['100', '200 ₽'], ',', false], // nothing tells: the Russian comma
    [[], ',', false],
  ] as const)('%j → "%s" (detected %s)', (values, separator, detected) => {
    expect(detectDecimalSeparator(values)).toEqual({ separator, detected });
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['05.11.2026', '2026-11-05'],
    ['5.1.2026', '2026-01-05'],
    ['05.11.2026 0:00:00', '2026-11-05'],
    ['2026-11-05', '2026-11-05'],
    ['2026-11-05T14:30:00', '2026-11-05'],
    [' 29.02.2028 ', '2028-02-29'],
  ])('%j → %s', (text, day) => {
    expect(parseCalendarDate(text)).toBe(day);
  });
  it.each(['31.02.2026', '2026-13-01', '05/11/2026', '11.2026', '05.11.26', 'вчера', ''])(
    '%j is not a date',
    (text) => {
      expect(parseCalendarDate(text)).toBeUndefined();
    },
  );
});

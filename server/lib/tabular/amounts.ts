// Money cells the way Russian and English spreadsheets write them: `1 234,50`, `1 234,50 ₽`
// (NBSP or narrow NBSP between thousands too), `1234.5`, `12,345.67`, `12.345,67`. Whether a comma
// or a point is the decimal separator is decided once per file (detectDecimalSeparator), so
// `1,234` means the same in every row. Every function is one pass over the text. Pure.
import type { DecimalSeparator } from '../../../shared/api/imports.ts';

/** Characters between groups of thousands besides the non-decimal separator. */
const GROUP_SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009', "'"]);
/** Currency marks written after (or before) an amount, lower-case. */
const CURRENCY_MARKS = ['₽', 'руб.', 'руб', 'р.', 'rub', 'rur'];

const isDigit = (ch: string) => ch >= '0' && ch <= '9';

/** The amount without surrounding spaces and a currency mark such as ₽ or руб. */
function withoutCurrency(text: string): string {
  const s = text.trim();
  const lower = s.toLowerCase();
  for (const mark of CURRENCY_MARKS) {
    if (lower.endsWith(mark)) return s.slice(0, s.length - mark.length).trim();
    if (lower.startsWith(mark)) return s.slice(mark.length).trim();
  }
  return s;
}

export type AmountReading =
  | { ok: true; value: number }
  | { ok: false; code: 'not_a_number' | 'number_format'; reason: string };

/**
 * A money cell → a number, given the file's decimal separator. The other separator and spaces
 * may only group thousands (1–3 digits, then groups of exactly 3); anything else is refused,
 * so `1,5` in a file of decimal points is an error rather than 15.
 */
export function parseAmount(text: string, decimal: DecimalSeparator): AmountReading {
  const thousands = decimal === ',' ? '.' : ',';
  let s = withoutCurrency(text);
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('−')) {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) s = s.slice(1).trimStart();
  const notANumber = (): AmountReading => ({
    ok: false,
    code: 'not_a_number',
    reason: `"${text.slice(0, 40)}" is not an amount`,
  });
  const wrongFormat = (): AmountReading => ({
    ok: false,
    code: 'number_format',
    reason: `"${text.slice(0, 40)}" does not fit the file's number format (decimal separator "${decimal}")`,
  });
  let integer = '';
  let fraction: string | null = null;
  let run = 0; // digits since the last group separator
  let groups = 0;
  for (const ch of s) {
    if (isDigit(ch)) {
      if (fraction === null) {
        integer += ch;
        run += 1;
      } else fraction += ch;
    } else if (ch === decimal) {
      if (fraction !== null || run === 0 || (groups > 0 && run !== 3)) return wrongFormat();
      fraction = '';
    } else if (ch === thousands || GROUP_SPACES.has(ch)) {
      if (fraction !== null || run === 0 || (groups === 0 ? run > 3 : run !== 3))
        return ch === thousands ? wrongFormat() : notANumber();
      groups += 1;
      run = 0;
    } else return notANumber();
  }
  if (integer === '' || fraction === '') return notANumber();
  if (groups > 0 && fraction === null && run !== 3) return wrongFormat();
  const value = sign * Number(fraction === null ? integer : `${integer}.${fraction}`);
  return Number.isFinite(value) ? { ok: true, value } : notANumber();
}

/**
 * The decimal separator a file's amounts use: a value with both a comma and a point ends with
 * the decimal one; a single separator followed by 1 or 2 digits is decimal; one that repeats
 * groups thousands. A single separator followed by exactly 3 digits (1,234) is a weak hint of
 * thousands, counted only when nothing else tells. Neither: the Russian comma, by default.
 */
export function detectDecimalSeparator(values: Iterable<string>): {
  separator: DecimalSeparator;
  detected: boolean;
} {
  const strong = { ',': 0, '.': 0 };
  const weak = { ',': 0, '.': 0 };
  for (const value of values) {
    const s = withoutCurrency(value);
    const comma = s.lastIndexOf(',');
    const point = s.lastIndexOf('.');
    if (comma >= 0 && point >= 0) {
      strong[comma > point ? ',' : '.'] += 1;
      continue;
    }
    const at = Math.max(comma, point);
    if (at < 0) continue;
    const sep: DecimalSeparator = comma >= 0 ? ',' : '.';
    const other: DecimalSeparator = sep === ',' ? '.' : ',';
    if (s.indexOf(sep) !== at) strong[other] += 1;
    else {
      const after = s.length - at - 1;
      if (after === 1 || after === 2) strong[sep] += 1;
      else if (after === 3) weak[other] += 1;
    }
  }
  const pick = (votes: Record<DecimalSeparator, number>) =>
    votes[','] + votes['.'] === 0 ? undefined : votes['.'] > votes[','] ? '.' : ',';
  const separator = pick(strong) ?? pick(weak);
  return separator ? { separator, detected: true } : { separator: ',', detected: false };
}

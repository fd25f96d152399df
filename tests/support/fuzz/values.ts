// The hostile values the fuzz suite mixes into every request (tests/fuzz.test.ts): boundary
// numbers, wrong types, huge strings, Unicode edge cases (lone surrogates, RTL and zero-width
// marks, NUL, combining marks, BOM), injection-shaped text, and the percent-encoding that can
// carry a lone surrogate or a NUL into a path or a query string.
import fc from 'fast-check';

/** Strings every text field, path segment and query value gets to see. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\uDE00x',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u200B\u200C\u200D\u2060',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '\u0301',
  'İıſK',
  '\u2028\u2029',
  '\uFFFF\uFFFE',
  '🙂'.repeat(64),
  '👩‍👩‍👧‍👦',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' or '1'='1' --",
  '"; drop table clients; --',
  '%',
  '%00',
  '%zz',
  '../../../etc/passwd',
  '..%2f..%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9007199254740993',
  ' 42 ',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  '=cmd|"/c calc"!A1',
  'x'.repeat(256),
  'я'.repeat(5001),
  '\u0000'.repeat(300),
];

/** Big enough to reach every length check and text routine, below the default body limit. */
export const HUGE_STRING = 'ф\u200B '.repeat(60_000);

export const BOUNDARY_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.000001,
  1e-300,
  1e308,
  -1e308,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 64,
];

export const BAD_DATES: readonly string[] = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '+275760-09-13',
  '2026-11-20T25:61:00Z',
  '1970-01-01T00:00:00Z',
  '2026-W48',
  '2026-11',
  '20261120',
];

/** Addresses an outbound URL field gets: none may be reached (the SSRF guard), none may 500. */
export const URLS: readonly string[] = [
  'http://127.0.0.1:1/x',
  'http://169.254.169.254/latest/meta-data',
  'https://[::ffff:127.0.0.1]/',
  'https://[64:ff9b::7f00:1]/',
  'http://0x7f.1/',
  'https://hooks.invalid/x',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'https://user:pass@10.0.0.1/',
  'ftp://example.invalid/',
];

export const EMAILS: readonly string[] = [
  'a@b.invalid',
  'Ω@пример.рф',
  '"a b"@example.invalid',
  'a@b@c',
  'a+tag@example.invalid',
  `${'x'.repeat(300)}@example.invalid`,
  'no-at-sign',
];

/** A value of the wrong JSON type for any field. */
export const wrongType = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(
    null,
    0,
    -1,
    1e308,
    true,
    'text',
    '',
    [],
    [null],
    {},
    { $ne: null },
    { __proto__: { admin: true } },
    [[[[[[[[[[[]]]]]]]]]]],
  );

/** `huge`: also HUGE_STRING (not in a URL: Node refuses a request line over 16 KiB itself). */
export const hostileString = (huge = true): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: huge ? 1 : 0, arbitrary: fc.constant(HUGE_STRING) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 24)), { maxLength: 6 })
        .map((parts) => parts.join('x')),
    },
  );

/**
 * Percent-encodes any JS string, lone surrogates included (as their WTF-8 bytes, which are not
 * valid UTF-8): encodeURIComponent throws on them, a hostile client does not.
 */
export function pctEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      for (const byte of [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)])
        out += `%${byte.toString(16).toUpperCase()}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/** Raw path or query pieces sent without encoding: broken escapes and traversal. */
export const RAW_URL_PIECES: readonly string[] = [
  '%',
  '%zz',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  '%00',
  '..',
  '%2e%2e%2f',
  '%2F',
  '%FF%FE',
  '%E2%80%AE',
];

/** JSON.stringify for the wire, and a JSON-looking value when the generator made `undefined`. */
export function toJsonPayload(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

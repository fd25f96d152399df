// A hostile e-mail body must cost little CPU whatever its shape: the receiver runs in the web
// process, so a quadratic scan over a 10 MiB body would freeze every request (issue 19). The bound
// is generous (one second); the old regexes took hours on these inputs.
import { describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { replyTextOf } from './mail-intake.ts';
import { PARSER_OPTIONS, toInboundMail } from './smtp-receiver.ts';
import { htmlToText, MAX_HTML_INPUT, MAX_TEXT_INPUT, stripQuotedReply } from './reply-text.ts';

const MiB = 1024 * 1024;
const TEN = 10 * MiB;

function cpuSecondsOf(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

const fill = (unit: string, size = TEN) => unit.repeat(Math.ceil(size / unit.length));

const HOSTILE: [string, string][] = [
  ['a run of spaces and tabs without a newline', `a${fill(' \t')}x`],
  ['a run of "<"', fill('<')],
  ['unclosed comments', fill('<!--')],
  ['one unclosed comment', `<!--${fill('a')}`],
  ['unclosed scripts', fill('<script>')],
  ['one unclosed style', `<style>${fill('x')}`],
  ['nested unclosed blockquotes', fill('<blockquote>')],
  [
    'nested closed blockquotes',
    `${fill('<blockquote>a', 5 * MiB)}${fill('</blockquote>', 5 * MiB)}`,
  ],
  ['one line ending in "пишет:"', `${fill('а ')} пишет:`],
  ['one line like a Gmail attribution', `<${fill('a')}@b>:`],
  ['one line like an English attribution', `On ${fill('x ')}wrote:`],
  ['an unterminated entity', `&${fill('a')}`],
  ['a "<br" followed by spaces', `<br${fill(' ')}`],
  ['"From:" lines', fill('From: x\n')],
  ['spaces before each of many line ends', fill(`${' '.repeat(1000)}\n`)],
];

describe('a 10 MiB hostile body', () => {
  it.each(HOSTILE)('costs well under a second of CPU in htmlToText: %s', (_why, body) => {
    let out = '';
    expect(cpuSecondsOf(() => (out = htmlToText(body)))).toBeLessThan(1);
    expect(out.length).toBeLessThanOrEqual(MAX_HTML_INPUT * 2);
  });

  it.each(HOSTILE)('costs well under a second of CPU in stripQuotedReply: %s', (_why, body) => {
    let out = '';
    expect(cpuSecondsOf(() => (out = stripQuotedReply(body)))).toBeLessThan(1);
    expect(out.length).toBeLessThanOrEqual(MAX_TEXT_INPUT);
  });

  it.each(HOSTILE)('costs well under a second of CPU as a whole mail: %s', (_why, body) => {
    expect(cpuSecondsOf(() => replyTextOf({ html: body }))).toBeLessThan(1);
    expect(cpuSecondsOf(() => replyTextOf({ text: body }))).toBeLessThan(1);
  });
});

describe('the body cap', () => {
  it('keeps the reply at the top of a huge mail and drops the rest unread', () => {
    const body = `Курьер опоздал.\n\n> ${fill('старое ')}`;
    expect(stripQuotedReply(body)).toBe('Курьер опоздал.');
    expect(htmlToText(`<p>Курьер опоздал.</p>${fill('<p>x</p>')}`).length).toBeLessThanOrEqual(
      MAX_HTML_INPUT,
    );
  });

  it('leaves a 64 KiB quote nested 20 levels deep as quoted lines', () => {
    const html = `<p>Ответ</p>${'<blockquote>'.repeat(20)}старое${'</blockquote>'.repeat(20)}`;
    expect(stripQuotedReply(htmlToText(html))).toBe('Ответ');
  });
});

describe('a 10 MiB hostile mail through the receiver’s parser and the intake', () => {
  it.each(HOSTILE.slice(0, 8))('keeps to a bounded CPU cost: %s', async (_why, body) => {
    const raw = Buffer.from(
      [
        'From: Ivan <ivan@example.ru>',
        'To: feedback+abcdefghijkmnp@cx.example.ru',
        'Subject: hostile',
        'Content-Type: text/html; charset=utf-8',
        '',
        body,
      ].join('\r\n'),
    );
    const start = process.cpuUsage();
    const parsed = await simpleParser(raw, PARSER_OPTIONS);
    const parsedAt = process.cpuUsage();
    const text = replyTextOf(toInboundMail(parsed, 'ivan@example.ru'));
    const used = process.cpuUsage(parsedAt);
    expect((used.user + used.system) / 1e6).toBeLessThan(1); // the intake's own share
    expect(text.length).toBeLessThanOrEqual(20_000);
    const all = process.cpuUsage(start);
    // mailparser's decoding of 10 MiB is linear; the bound only catches a runaway.
    expect((all.user + all.system) / 1e6).toBeLessThan(5);
  });
});

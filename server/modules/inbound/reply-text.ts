// The client's own words from an e-mail: HTML turned into plain text, and the quoted history a
// mail program appends below a reply cut off. Pure, so the cut-off rules are table-tested.
//
// Mail reaches this code in the web process and may be 10 MiB of anything, so (issue 19) the
// input is cut to a bounded length before any processing and every scan is linear: hand-written
// scanners with indexOf rather than backtracking regexes, and the attribution regexes only ever
// see short lines.

/** Characters of HTML read: the kept reply is at most 20 000 characters, markup is verbose. */
export const MAX_HTML_INPUT = 256 * 1024;
/** Characters of plain text read: the kept reply is at most 20 000 characters. */
export const MAX_TEXT_INPUT = 64 * 1024;
/** Quotes nested deeper than this are read as plain text (each level costs one more pass). */
const MAX_QUOTE_DEPTH = 20;
/** No attribution line is this long; longer lines are only checked for "> " and separators. */
const MAX_ATTRIBUTION_LINE = 500;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{1,10});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Lower-cases A–Z only, so indexes stay those of the original string. */
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (run) => run.toLowerCase());

const isSpace = (ch: string | undefined) =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** Lines trimmed, inner runs of spaces one space, at most one blank line in a row. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'head', 'title']);
const ENDS_A_LINE = new Set(['p', 'div', 'li', 'tr', 'table', 'ul', 'ol']);
['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].forEach((h) => ENDS_A_LINE.add(h));

/** One scan over the HTML; every search either moves the scan on or is remembered as failed. */
class HtmlScanner {
  private readonly lower: string;
  private readonly missing = new Set<string>(); // closings known absent from here to the end
  private readonly stack: string[][] = [[]];

  constructor(private readonly html: string) {
    this.lower = asciiLower(html);
  }

  run(): string {
    const { html } = this;
    let i = 0;
    while (i < html.length) {
      const lt = html.indexOf('<', i);
      if (lt < 0) break;
      if (lt > i) this.emit(decodeEntities(html.slice(i, lt)));
      i = this.tagAt(lt);
    }
    if (i < html.length) this.emit(decodeEntities(html.slice(i)));
    // Quotes never closed are read as plain text, as a stray opening tag is.
    while (this.stack.length > 1) {
      const open = this.stack.pop()!;
      this.emit(open.join(''));
    }
    return tidyLines(this.stack[0]!.join(''));
  }

  private emit(s: string): void {
    this.stack[this.stack.length - 1]!.push(s);
  }

  /** Handles the markup starting at `lt`; returns where the scan goes on. */
  private tagAt(lt: number): number {
    const { html, lower } = this;
    if (lower.startsWith('<!--', lt)) {
      const end = this.find('-->', lt + 4);
      if (end >= 0) return end + 3;
    }
    const gt = this.find('>', lt + 1);
    if (gt < 0) {
      // Not markup: a "<" in the text stays, as does everything after it.
      this.emit(decodeEntities(html.slice(lt)));
      return html.length;
    }
    const closing = html[lt + 1] === '/';
    let j = closing ? lt + 2 : lt + 1;
    const start = j;
    while (j < gt && /[a-z0-9]/.test(lower[j]!)) j++;
    const name = lower.slice(start, j);
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      const end = this.closingTag(name, gt + 1);
      if (end >= 0) return end;
    } else if (name === 'blockquote') {
      this.blockquote(closing);
    } else if (name === 'br' || (closing && ENDS_A_LINE.has(name))) {
      this.emit('\n');
    }
    return gt + 1;
  }

  /** A quoted block becomes "> " lines, so the reply cut-off treats it like a text quote. */
  private blockquote(closing: boolean): void {
    if (!closing) {
      if (this.stack.length <= MAX_QUOTE_DEPTH) this.stack.push([]);
      return;
    }
    if (this.stack.length === 1) return;
    const inner = tidyLines(this.stack.pop()!.join(''));
    this.emit(
      `\n${inner
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n')}\n`,
    );
  }

  /** The end of `</name\s*>` from `from`, or -1. */
  private closingTag(name: string, from: number): number {
    const needle = `</${name}`;
    for (let at = this.find(needle, from); at >= 0; at = this.find(needle, at + 1)) {
      let k = at + needle.length;
      while (isSpace(this.lower[k])) k++;
      if (this.lower[k] === '>') return k + 1;
    }
    return -1;
  }

  /** indexOf in the lower-cased text that remembers a miss: the text after it holds no match either. */
  private find(needle: string, from: number): number {
    if (this.missing.has(needle)) return -1;
    const at = this.lower.indexOf(needle, from);
    if (at < 0) this.missing.add(needle);
    return at;
  }
}

/** Plain text of an HTML body: blocks become line breaks, quoted blocks become "> " lines. */
export function htmlToText(html: string): string {
  return new HtmlScanner(html.slice(0, MAX_HTML_INPUT)).run();
}

// Lines that start the quoted history: everything from such a line on is the older conversation.
// Each is tried on one trimmed line of at most MAX_ATTRIBUTION_LINE characters.
const HISTORY_STARTS: RegExp[] = [
  /^-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)\s*-{2,}/i,
  /^_{5,}\s*$/, // Outlook's rule above its "From:/Sent:" header block
  /^on\s.{3,}\bwrote:\s*$/i,
  /^.{3,}\s(пишет|писал|написал|написала)\s*:\s*$/i,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}.*\d{1,2}:\d{2}.*[,:]\s*$/, // "20.11.2026, 10:00, Иван <…>:"
  /^.{0,200}<[^<>\s]+@[^<>\s]+>\s*:\s*$/, // Gmail in Russian: "пн, 23 нояб. 2026 г. в 10:00, Имя <addr>:"
];
// A single "From:" line may be the client's own words; a quoted header block has a second
// header line right after it.
const QUOTED_HEADER_FIRST = /^(from|от):\s.+/i;
const QUOTED_HEADER_NEXT = /^(sent|date|to|subject|отправлено|дата|кому|тема):\s/i;
const WRAPPED_ATTRIBUTION_START = /^(on\s|\d{1,2}[./]\d{1,2}[./])/i;
const WRAPPED_ATTRIBUTION_END = /^.{0,80}(wrote|пишет|писал|написал|написала)\s*:\s*$/i;

function startsHistory(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (line.startsWith('>')) return true;
  if (line.length > MAX_ATTRIBUTION_LINE) return HISTORY_STARTS[0]!.test(line);
  if (HISTORY_STARTS.some((re) => re.test(line))) return true;
  const next = (lines[i + 1] ?? '').slice(0, MAX_ATTRIBUTION_LINE).trim();
  if (QUOTED_HEADER_FIRST.test(line) && QUOTED_HEADER_NEXT.test(next)) return true;
  // "On Mon, 23 Nov 2026 at 10:00, Ivan <ivan@example.ru>" often wraps before "wrote:".
  return WRAPPED_ATTRIBUTION_START.test(line) && WRAPPED_ATTRIBUTION_END.test(next);
}

/** The line without the spaces and tabs at its end (a loop: /[ \t]+$/ backtracks on long runs). */
function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** The reply above the quoted history and the signature separator "-- ". */
export function stripQuotedReply(text: string): string {
  const lines = text.slice(0, MAX_TEXT_INPUT).replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '-- ' || lines[i] === '--') break;
    if (startsHistory(lines, i)) break;
    kept.push(trimEndBlanks(lines[i]!));
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

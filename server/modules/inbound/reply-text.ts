// The client's own words from an e-mail: HTML turned into plain text, and the quoted history a
// mail program appends below a reply cut off. Pure, so the cut-off rules are table-tested.

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
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
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

/** Plain text of an HTML body: blocks become line breaks, quoted blocks become "> " lines. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // A quoted block becomes "> " lines, so the reply cut-off below treats it like a text quote.
    .replace(
      /<blockquote\b[\s\S]*?<\/blockquote\s*>/gi,
      (block) =>
        `\n${htmlToText(block.replace(/^<blockquote\b[^>]*>|<\/blockquote\s*>$/gi, ''))
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n')}\n`,
    )
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|table|ul|ol)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// Lines that start the quoted history: everything from such a line on is the older conversation.
const HISTORY_STARTS: RegExp[] = [
  /^-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|forwarded message)\s*-{2,}/i,
  /^_{5,}\s*$/, // Outlook's rule above its "From:/Sent:" header block
  /^on\s.{3,}\bwrote:\s*$/i,
  /^.{3,}\s(пишет|писал|написал|написала)\s*:\s*$/i,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}.*\d{1,2}:\d{2}.*[,:]\s*$/, // "20.11.2026, 10:00, Иван <…>:"
  /^.{0,200}<[^<>\s]+@[^<>\s]+>\s*:\s*$/, // Gmail in Russian: "пн, 23 нояб. 2026 г. в 10:00, Имя <addr>:"
  /^>/,
];
// A single "From:" line may be the client's own words; a quoted header block has a second
// header line right after it.
const QUOTED_HEADER_FIRST = /^(from|от):\s.+/i;
const QUOTED_HEADER_NEXT = /^(sent|date|to|subject|отправлено|дата|кому|тема):\s/i;
const WRAPPED_ATTRIBUTION_START = /^(on\s|\d{1,2}[./]\d{1,2}[./])/i;
const WRAPPED_ATTRIBUTION_END = /^.{0,80}(wrote|пишет|писал|написал|написала)\s*:\s*$/i;

function startsHistory(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  const next = lines[i + 1]?.trim() ?? '';
  if (HISTORY_STARTS.some((re) => re.test(line))) return true;
  if (QUOTED_HEADER_FIRST.test(line) && QUOTED_HEADER_NEXT.test(next)) return true;
  // "On Mon, 23 Nov 2026 at 10:00, Ivan <ivan@example.ru>" often wraps before "wrote:".
  return WRAPPED_ATTRIBUTION_START.test(line) && WRAPPED_ATTRIBUTION_END.test(next);
}

/** The reply above the quoted history and the signature separator "-- ". */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '-- ' || lines[i] === '--') break;
    if (startsHistory(lines, i)) break;
    kept.push(lines[i]!);
  }
  return kept
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

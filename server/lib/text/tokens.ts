// Tokens → stems with negation marked: a negator ("не", "not", "no", "n't", "без", "never") turns
// the next content words into NOT_<stem> until punctuation or a contrast word, so
// "не понравилось" and "no complaints" become features of their own.
import { stem } from './stem.ts';

const NEGATORS = new Set([
  'не',
  'нет',
  'ни',
  'без',
  'нельзя',
  'никогда',
  'никто',
  'ничего',
  'not',
  'no',
  'never',
  'without',
  'nothing',
  'nobody',
  'none',
  'cannot',
  "can't",
  "don't",
  "didn't",
  "doesn't",
  "isn't",
  "wasn't",
  "won't",
  "haven't",
  "hasn't",
  "wouldn't",
  "couldn't",
  "aren't",
  "weren't",
  'dont',
  'didnt',
  'cant',
  'isnt',
  'wasnt',
  'hasnt',
  'havent',
  'nor',
]);
/** Words that do not end a negation scope but are not negated themselves. */
const SCOPE_SKIP = new Set([
  'бы',
  'было',
  'был',
  'была',
  'очень',
  'так',
  'совсем',
  'и',
  'to',
  'be',
  'been',
  'at',
  'all',
  'a',
  'the',
  'any',
  'so',
  'very',
  'really',
  'even',
]);
const CONTRAST = new Set([
  'но',
  'однако',
  'зато',
  'а',
  'but',
  'however',
  'although',
  'though',
  'yet',
]);
const NEGATION_SPAN = 2;

export interface Token {
  word: string;
  stem: string;
  negated: boolean;
  /** Index of the clause (split at contrast words); later clauses weigh more in mixed reviews. */
  clause: number;
}

/** Words longer than this are cut to it (issue 19: every text routine is bounded per word). */
export const MAX_TOKEN_LENGTH = 64;

export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[’`]/g, "'")
      .match(/[\p{L}\p{N}']+|[.!?;,—–-]/gu) ?? []
  ).map((w) => (w.length > MAX_TOKEN_LENGTH ? w.slice(0, MAX_TOKEN_LENGTH) : w));
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let negLeft = 0;
  let clause = 0;
  for (const raw of words(text)) {
    if (/^[.!?;,—–-]$/.test(raw)) {
      negLeft = 0;
      continue;
    }
    if (CONTRAST.has(raw)) {
      clause += 1;
      negLeft = 0;
      continue;
    }
    if (NEGATORS.has(raw) || raw.endsWith("n't")) {
      negLeft = NEGATION_SPAN;
      out.push({ word: raw, stem: 'NEG', negated: false, clause });
      continue;
    }
    const w = raw.replace(/'$/, '');
    if (negLeft > 0 && SCOPE_SKIP.has(w)) continue;
    out.push({ word: w, stem: stem(w), negated: negLeft > 0, clause });
    if (negLeft > 0) negLeft -= 1;
  }
  return out;
}

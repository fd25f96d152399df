// Text → sparse features for the sentiment classifier: negation-marked stems, stem bigrams and
// a handful of dense features from the lexicon and rules (politeness, requests, questions,
// contrast). The classifier learns how far to trust each; the lexicon carries it to unseen words.
import {
  INTENSIFIERS,
  NEGATED,
  NEGATIVE,
  POLITENESS,
  POSITIVE,
  REQUEST_MARKERS,
} from './lexicon.ts';
import { tokenize, type Token } from './tokens.ts';

export type Features = Map<string, number>;

const byLengthDesc = (o: Record<string, number>) =>
  Object.entries(o).sort((a, b) => b[0].length - a[0].length);
const POS = byLengthDesc(POSITIVE);
const NEG = byLengthDesc(NEGATIVE);
const NEGD = byLengthDesc(NEGATED);

function scan(table: [string, number][], t: Token): number {
  for (const [key, weight] of table) {
    if (key.length <= 2 ? t.word === key : t.word.startsWith(key) || t.stem.startsWith(key))
      return weight;
  }
  return 0;
}

// A word's three lexicon weights depend on the word alone (its stem is a function of it): cached
// per word, bounded, so the sweep scans the ~230 entries once per distinct word, not per token.
const weights = new Map<string, [number, number, number]>();

function lookup(table: [string, number][], t: Token): number {
  let w = weights.get(t.word);
  if (!w) {
    if (weights.size >= 100_000) weights.clear();
    w = [scan(POS, t), scan(NEG, t), scan(NEGD, t)];
    weights.set(t.word, w);
  }
  return table === POS ? w[0] : table === NEG ? w[1] : w[2];
}

export interface LexiconScore {
  positive: number;
  negative: number;
}

/** Sums polarity per token; negation flips, intensifiers boost, the last clause of a contrast weighs more. */
export function lexiconScore(tokens: Token[]): LexiconScore {
  const lastClause = tokens.reduce((m, t) => Math.max(m, t.clause), 0);
  let positive = 0;
  let negative = 0;
  tokens.forEach((t, i) => {
    if (t.stem === 'NEG') return;
    const prev = tokens[i - 1];
    const boost = prev && INTENSIFIERS.has(prev.word) ? 1.5 : 1;
    const clauseWeight = lastClause === 0 ? 1 : t.clause === lastClause ? 1.4 : 0.6;
    const k = boost * clauseWeight;
    if (t.negated) {
      const negd = lookup(NEGD, t);
      const pos = negd ? 0 : lookup(POS, t);
      const neg = negd ? 0 : lookup(NEG, t);
      negative += (negd + pos * 0.8) * k;
      positive += neg * 0.7 * k;
    } else {
      positive += lookup(POS, t) * k;
      negative += lookup(NEG, t) * k;
    }
  });
  return { positive, negative };
}

export function stripPoliteness(text: string): { text: string; polite: boolean } {
  let out = text.toLowerCase().replace(/ё/g, 'е');
  let polite = false;
  for (const re of POLITENESS) {
    if (re.test(out)) {
      polite = true;
      out = out.replace(re, ' ');
    }
  }
  return { text: out, polite };
}

/** The text after an opening greeting, where a request marker must stand. */
export function requestBody(text: string): string {
  return text
    .trim()
    .replace(/^(добрый (день|вечер)|здравствуйте|hello|hi|dear [^,.]*)[,.!]?\s*/, '');
}

export function extractFeatures(text: string): Features {
  const f: Features = new Map();
  const { text: body, polite } = stripPoliteness(text);
  const tokens = tokenize(body);
  const content = tokens.filter((t) => t.stem !== 'NEG');
  for (const t of content) f.set(`w:${t.negated ? 'NOT_' : ''}${t.stem}`, 1);
  for (let i = 1; i < tokens.length; i++) f.set(`b:${tokens[i - 1]!.stem}_${tokens[i]!.stem}`, 1);
  const lex = lexiconScore(tokens);
  f.set('lex:pos', Math.min(lex.positive, 5) / 2);
  f.set('lex:neg', Math.min(lex.negative, 5) / 2);
  f.set('lex:net', Math.tanh((lex.positive - lex.negative) / 2));
  f.set('lex:none', lex.positive + lex.negative === 0 ? 1 : 0);
  const trimmed = body.trim();
  if (/\?/.test(trimmed)) f.set('rule:question', 1);
  if (REQUEST_MARKERS.test(requestBody(trimmed))) f.set('rule:request', 1);
  if (polite) f.set('rule:polite', 1);
  if (/!/.test(trimmed)) f.set('rule:exclaim', 1);
  if (content.length <= 2) f.set('rule:short', 1);
  if (content.length >= 15) f.set('rule:long', 1);
  f.set('bias', 1);
  return f;
}

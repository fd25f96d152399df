// The leakage guard (issue 22): a lexicon entry or rule that fires on evaluation texts but on no
// training text can only have come from reading the evaluation sets, and makes `eval:text`
// overstate accuracy. findLeakage lists every such entry; the test keeps the list empty.
import { NEGATED, NEGATIVE, POLITENESS, POSITIVE, REQUEST_STARTS } from './lexicon.ts';
import { requestBody, stripPoliteness } from './features.ts';
import { TOPIC_CUES } from './topic-cues.ts';
import { cueMatches } from './topic-model.ts';
import { tokenize } from './tokens.ts';

export interface Lexicon {
  positive: Record<string, number>;
  negative: Record<string, number>;
  negated: Record<string, number>;
  politeness: RegExp[];
  requestStarts: string[];
}

export const SHIPPED_LEXICON: Lexicon = {
  positive: POSITIVE,
  negative: NEGATIVE,
  negated: NEGATED,
  politeness: POLITENESS,
  requestStarts: REQUEST_STARTS,
};

export interface Leak {
  kind: 'positive' | 'negative' | 'negated' | 'politeness' | 'request' | 'cue';
  entry: string;
  evalIds: string[];
}

interface Item {
  id: string;
  text: string;
}

/** Every entry as a predicate on one text, matched the way features.ts matches it. */
function entries(
  lex: Lexicon,
): { kind: Leak['kind']; entry: string; hits: (t: string) => boolean }[] {
  const stemEntry = (kind: Leak['kind'], key: string) => ({
    kind,
    entry: key,
    hits: (text: string) =>
      tokenize(stripPoliteness(text).text).some((t) =>
        key.length <= 2 ? t.word === key : t.word.startsWith(key) || t.stem.startsWith(key),
      ),
  });
  return [
    ...Object.keys(lex.positive).map((k) => stemEntry('positive', k)),
    ...Object.keys(lex.negative).map((k) => stemEntry('negative', k)),
    ...Object.keys(lex.negated).map((k) => stemEntry('negated', k)),
    ...lex.politeness.map((re) => ({
      kind: 'politeness' as const,
      entry: re.source,
      hits: (text: string) => re.test(text.toLowerCase().replace(/ё/g, 'е')),
    })),
    ...lex.requestStarts.map((start) => ({
      kind: 'request' as const,
      entry: start,
      hits: (text: string) => requestBody(stripPoliteness(text).text).startsWith(start),
    })),
  ];
}

/** Entries that match at least one evaluation text and no training text. */
export function findLeakage(
  train: Item[],
  evaluation: Item[],
  lex: Lexicon = SHIPPED_LEXICON,
): Leak[] {
  const out: Leak[] = [];
  for (const e of entries(lex)) {
    if (train.some((i) => e.hits(i.text))) continue;
    const evalIds = evaluation.filter((i) => e.hits(i.text)).map((i) => i.id);
    if (evalIds.length) out.push({ kind: e.kind, entry: e.entry, evalIds });
  }
  return out;
}

/** The same guard for the topic model's cue stems: cues matching only evaluation texts. */
export function findCueLeakage(
  train: Item[],
  evaluation: Item[],
  cues: Record<string, string[]> = TOPIC_CUES,
): Leak[] {
  const hits = (cue: string, text: string) => {
    const tokens = tokenize(text).filter((t) => t.stem !== 'NEG');
    return cueMatches(cue, tokens, ` ${tokens.map((t) => t.word).join(' ')} `);
  };
  const out: Leak[] = [];
  for (const [topic, list] of Object.entries(cues))
    for (const cue of list) {
      if (train.some((i) => hits(cue, i.text))) continue;
      const evalIds = evaluation.filter((i) => hits(cue, i.text)).map((i) => i.id);
      if (evalIds.length) out.push({ kind: 'cue', entry: `${topic}:${cue}`, evalIds });
    }
  return out;
}

const wordSet = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/ё/g, 'е')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/**
 * Training texts that copy an evaluation text: the same words, or nearly (word-set Jaccard at or
 * above `similarity`). A hand-written training supplement must not contain one, even by chance
 * (short texts like "Нормально" do coincide): the model would be scored on a text it learnt.
 * Returns the training ids (never the evaluation text, which whoever runs this should not read).
 */
export function findNearCopies(
  train: { id: string; text: string }[],
  evaluation: { id: string; text: string }[],
  similarity = 0.6,
): string[] {
  const evalSets = evaluation.map((e) => wordSet(e.text));
  return train
    .filter((t) => {
      const a = wordSet(t.text);
      return evalSets.some((b) => {
        let shared = 0;
        for (const w of a) if (b.has(w)) shared++;
        return shared / (a.size + b.size - shared) >= similarity;
      });
    })
    .map((t) => t.id);
}

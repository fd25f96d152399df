// Aspect sentiment (issue 22): the sentiment of each topic of a text, so "the manager was lovely
// but the delivery was a week late" is positive for staff and negative for delivery. The text is
// cut into clauses (sentence ends, ; , and contrast words); each clause gets the topics found in
// it; a clause with no topic belongs to the clause before it ("Курьер опоздал, ужасно"). Each
// topic's sentiment is the classifier's on its clause groups (the mean score when several); a
// topic no clause names keeps the text's overall sentiment.
import type { SentimentLabel } from './classifier.ts';
import { classifySentiment } from './sentiment.ts';
import { predictTopics } from './topic-model.ts';
import type { TopicDef } from './topics.ts';

const CLAUSE_BREAK =
  /[.!?;,—–]+|\s(?:но|однако|зато|а|but|however|although|though|yet|whereas)\s/giu;

export function clauses(text: string): string[] {
  return text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => /\p{L}/u.test(c));
}

/** One group: its label; several: the mean score, with a dead zone for "neutral". */
function combined(results: { label: SentimentLabel; score: number }[]): SentimentLabel {
  if (results.length === 1) return results[0]!.label;
  const mean = results.reduce((sum, r) => sum + r.score, 0) / results.length;
  return mean >= 0.2 ? 'positive' : mean <= -0.2 ? 'negative' : 'neutral';
}

export type TopicSentiments = Record<string, SentimentLabel>;

/** Sentiment per topic of `topics` (the record's topics), or null when the text has one clause
 * or all its topics share one clause group: then the overall sentiment already says it all. */
export function aspectSentiments(
  text: string,
  topics: string[],
  taxonomy: TopicDef[],
  overall: SentimentLabel,
): TopicSentiments | null {
  if (topics.length < 2) return null;
  const parts = clauses(text);
  if (parts.length < 2) return null;
  const groups: { topics: string[]; text: string[] }[] = [];
  for (const part of parts) {
    const found = predictTopics(part, taxonomy).filter((k) => topics.includes(k));
    const last = groups[groups.length - 1];
    if (!found.length && last) last.text.push(part);
    else groups.push({ topics: found, text: [part] });
  }
  // A leading clause without a topic joins the first group that has one.
  if (groups.length > 1 && !groups[0]!.topics.length) {
    const lead = groups.shift()!;
    groups[0]!.text.unshift(...lead.text);
  }
  if (groups.filter((g) => g.topics.length).length < 2) return null;
  const out: TopicSentiments = {};
  for (const key of topics) {
    const own = groups.filter((g) => g.topics.includes(key));
    out[key] = own.length
      ? combined(own.map((g) => classifySentiment(g.text.join(', '))))
      : overall;
  }
  return out;
}

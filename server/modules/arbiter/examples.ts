// Three representative texts of a stage (issue 16): of its negative texts in the window, those
// of its most frequent negative topic, and of those the most typical — sentiment closest to the
// group's median, then length closest to the median length — never simply the angriest. Pure.
import type { NegativeText } from '../metrics/index.ts';

export const EXAMPLES = 3;

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The stage's most frequent topic among its negative texts (ties: alphabetical), or null. */
export function negativeTopic(texts: readonly NegativeText[]): string | null {
  const counts = new Map<string, number>();
  for (const t of texts)
    for (const topic of t.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  let best: string | null = null;
  for (const [topic, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best)! && topic < best))
      best = topic;
  return best;
}

export function representativeTexts(texts: readonly NegativeText[]) {
  const topic = negativeTopic(texts);
  const group = topic ? texts.filter((t) => t.topics.includes(topic)) : [...texts];
  const sentiment = median(group.map((t) => t.sentimentScore ?? 0));
  const length = median(group.map((t) => t.text.length));
  const typical = [...group].sort(
    (a, b) =>
      Math.abs((a.sentimentScore ?? 0) - sentiment) -
        Math.abs((b.sentimentScore ?? 0) - sentiment) ||
      Math.abs(a.text.length - length) - Math.abs(b.text.length - length) ||
      (a.id < b.id ? -1 : 1),
  );
  return typical.slice(0, EXAMPLES).map((t) => ({
    feedbackId: t.id,
    ref: t.ref,
    text: t.text,
    score: t.score,
    receivedAt: t.receivedAt,
    topic,
  }));
}

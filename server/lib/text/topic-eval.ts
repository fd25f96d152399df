// Topic quality on a labelled set (issue 22): precision, recall and F1 per topic and
// micro-averaged over all (text, topic) decisions.
import type { TopicLabelledText } from './eval-dataset.ts';

export interface TopicScores {
  topic: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TopicEvaluation {
  n: number;
  perTopic: TopicScores[];
  micro: TopicScores;
  errors: { id: string; text: string; expected: string[]; got: string[] }[];
}

function scores(topic: string, tp: number, fp: number, fn: number): TopicScores {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { topic, tp, fp, fn, precision, recall, f1 };
}

export function evaluateTopics(
  set: TopicLabelledText[],
  keys: string[],
  predict: (text: string) => string[],
): TopicEvaluation {
  const count = new Map(keys.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
  const errors: TopicEvaluation['errors'] = [];
  for (const item of set) {
    const got = new Set(predict(item.text).filter((k) => count.has(k)));
    const expected = new Set(item.topics);
    for (const k of keys) {
      const c = count.get(k)!;
      if (got.has(k) && expected.has(k)) c.tp += 1;
      else if (got.has(k)) c.fp += 1;
      else if (expected.has(k)) c.fn += 1;
    }
    if (got.size !== expected.size || [...got].some((k) => !expected.has(k)))
      errors.push({ id: item.id, text: item.text, expected: item.topics, got: [...got] });
  }
  const perTopic = keys.map((k) => {
    const c = count.get(k)!;
    return scores(k, c.tp, c.fp, c.fn);
  });
  const sum = (f: 'tp' | 'fp' | 'fn') => perTopic.reduce((s, t) => s + t[f], 0);
  return {
    n: set.length,
    perTopic,
    micro: scores('micro', sum('tp'), sum('fp'), sum('fn')),
    errors,
  };
}

export function formatTopicEvaluation(title: string, e: TopicEvaluation): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`.padStart(6);
  const row = (t: TopicScores) =>
    `  ${t.topic.padEnd(18)} P ${pct(t.precision)}  R ${pct(t.recall)}  F1 ${pct(t.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`;
  return [`== ${title} (n=${e.n}) ==`, ...e.perTopic.map(row), row(e.micro)].join('\n');
}

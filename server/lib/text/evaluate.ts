// Accuracy, per-class precision/recall and the confusion matrix for a labelled set.
import type { LabelledText } from './eval-dataset.ts';
import { CLASSES, type SentimentModel } from './classifier.ts';
import { detectLanguage } from './language.ts';
import { classifySentiment } from './sentiment.ts';

export interface Evaluation {
  n: number;
  sentimentAccuracy: number;
  languageAccuracy: number;
  /** confusion[actual][predicted] in CLASSES order. */
  confusion: number[][];
  perClass: { label: string; precision: number; recall: number }[];
  errors: { id: string; text: string; expected: string; got: string }[];
}

/** `predict` replaces the model, for baselines (e.g. the lexicon alone). */
export function evaluate(
  set: LabelledText[],
  model?: SentimentModel,
  predict?: (text: string) => string,
): Evaluation {
  const confusion = CLASSES.map(() => CLASSES.map(() => 0));
  let sentimentOk = 0;
  let languageOk = 0;
  const errors: Evaluation['errors'] = [];
  for (const item of set) {
    const got = predict ? predict(item.text) : classifySentiment(item.text, model).label;
    confusion[CLASSES.indexOf(item.sentiment)]![
      CLASSES.indexOf(got as (typeof CLASSES)[number])
    ]! += 1;
    if (got === item.sentiment) sentimentOk += 1;
    else errors.push({ id: item.id, text: item.text, expected: item.sentiment, got });
    if (detectLanguage(item.text) === item.language) languageOk += 1;
  }
  const perClass = CLASSES.map((label, c) => {
    const predicted = confusion.reduce((s, row) => s + row[c]!, 0);
    const actual = confusion[c]!.reduce((s, v) => s + v, 0);
    return {
      label,
      precision: predicted ? confusion[c]![c]! / predicted : 0,
      recall: actual ? confusion[c]![c]! / actual : 0,
    };
  });
  return {
    n: set.length,
    sentimentAccuracy: sentimentOk / set.length,
    languageAccuracy: languageOk / set.length,
    confusion,
    perClass,
    errors,
  };
}

export function formatEvaluation(title: string, e: Evaluation): string {
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `== ${title} (n=${e.n}) ==`,
    `sentiment accuracy: ${pct(e.sentimentAccuracy)}`,
    `language accuracy:  ${pct(e.languageAccuracy)}`,
  ];
  for (const c of e.perClass)
    lines.push(
      `  ${c.label.padEnd(9)} precision ${pct(c.precision).padStart(6)}  recall ${pct(c.recall).padStart(6)}`,
    );
  lines.push(`confusion (rows = actual, columns = predicted: ${CLASSES.join(' / ')})`);
  CLASSES.forEach((label, i) =>
    lines.push(
      `  ${label.padEnd(9)} ${e.confusion[i]!.map((v) => String(v).padStart(4)).join('')}`,
    ),
  );
  return lines.join('\n');
}

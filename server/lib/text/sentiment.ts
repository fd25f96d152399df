// Sentiment of one text: the trained classifier over lexicon-aware features, with a score in
// [-1, 1] = P(positive) − P(negative). A survey score (NPS/CSAT/CES) is used only as a prior when
// the text is empty or the model is unsure; the evaluation measures the text model alone.
import { readFileSync } from 'node:fs';
import {
  CLASSES,
  predictProbabilities,
  type SentimentLabel,
  type SentimentModel,
} from './classifier.ts';
import { extractFeatures } from './features.ts';

let loaded: SentimentModel | undefined;

export function sentimentModel(): SentimentModel {
  loaded ??= JSON.parse(
    readFileSync(new URL('./sentiment-model.json', import.meta.url), 'utf8'),
  ) as SentimentModel;
  return loaded;
}

export interface SentimentResult {
  label: SentimentLabel;
  score: number;
  confidence: number;
}

export function classifySentiment(
  text: string,
  model: SentimentModel = sentimentModel(),
): SentimentResult {
  const p = predictProbabilities(model, extractFeatures(text));
  const best = p.indexOf(Math.max(...p));
  return { label: CLASSES[best]!, score: round(p[2] - p[0]), confidence: p[best]! };
}

export type ScorePrior = { type: 'nps' | 'csat' | 'ces' | string; value: number } | null;

/**
 * -1..1 from a survey answer: NPS 0–10, CSAT 1–5, CES 1–7 where 1 = very little effort (lower is
 * better, as the CES metric and the case rule "CES 5 or more opens a complaint" read it).
 */
export function scorePolarity(s: NonNullable<ScorePrior>): number {
  if (s.type === 'nps') return s.value >= 9 ? 1 : s.value <= 6 ? -1 : 0;
  if (s.type === 'csat') return s.value >= 4 ? 1 : s.value <= 2 ? -1 : 0;
  if (s.type === 'ces') return s.value <= 3 ? 1 : s.value >= 5 ? -1 : 0;
  return 0;
}

/** Score and text disagreeing (issue 22): NPS 9–10 with a negative text, 0–6 with a positive one.
 * Such records are flagged, never shown side by side in silence. */
export type Disagreement = 'high_score_negative_text' | 'low_score_positive_text';

export function scoreTextDisagreement(
  score: ScorePrior,
  label: SentimentLabel | null,
): Disagreement | null {
  if (!score || score.type !== 'nps' || !label) return null;
  if (score.value >= 9 && label === 'negative') return 'high_score_negative_text';
  if (score.value <= 6 && label === 'positive') return 'low_score_positive_text';
  return null;
}

const UNSURE = 0.5;

export function sentimentWithPrior(text: string | null, score: ScorePrior): SentimentResult | null {
  const hasText = !!text && /\p{L}/u.test(text);
  if (!hasText) {
    if (!score) return null;
    const polarity = scorePolarity(score);
    return {
      label: polarity > 0 ? 'positive' : polarity < 0 ? 'negative' : 'neutral',
      score: polarity * 0.5,
      confidence: 0.5,
    };
  }
  const fromText = classifySentiment(text);
  if (!score || fromText.confidence >= UNSURE) return fromText;
  const polarity = scorePolarity(score);
  if (polarity === 0) return fromText;
  const label: SentimentLabel = polarity > 0 ? 'positive' : 'negative';
  return { label, score: round((fromText.score + polarity) / 2), confidence: fromText.confidence };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

// The labelled evaluation data written for this repository (see docs/BENCHMARKS.md): the main set
// with a fixed train/test split, and an "unseen" set in another style the model is never tuned on.
import { readFileSync } from 'node:fs';
import type { SentimentLabel } from './classifier.ts';

export interface LabelledText {
  id: string;
  split?: 'train' | 'test';
  language: 'ru' | 'en';
  sentiment: SentimentLabel;
  text: string;
}

function readJsonl(name: string): LabelledText[] {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledText);
}

export const loadMainSet = () => readJsonl('eval-feedback-set.jsonl');
export const loadUnseenSet = () => readJsonl('eval-unseen-set.jsonl');

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

/** A text of the topic set (issue 22): its topics among the default taxonomy's keys. */
export interface TopicLabelledText {
  id: string;
  split: 'train' | 'test';
  language: 'ru' | 'en';
  topics: string[];
  text: string;
}

function readJsonl<T = LabelledText>(name: string): T[] {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export const loadMainSet = () => readJsonl('eval-feedback-set.jsonl');
export const loadUnseenSet = () => readJsonl('eval-unseen-set.jsonl');
export const loadTopicSet = () => readJsonl<TopicLabelledText>('eval-topic-set.jsonl');
/** Training-only texts added for the misses users saw in the demo (issue 22); never evaluated. */
export const loadTrainSupplement = () => readJsonl('train-supplement.jsonl');
/**
 * Training-only topic texts of general vocabulary per topic (issue 22); never evaluated. The
 * second file was written in a later session, again without reading the test split.
 */
export const loadTopicTrainSupplement = () => [
  ...readJsonl<TopicLabelledText>('topic-train-supplement.jsonl'),
  ...readJsonl<TopicLabelledText>('topic-train-supplement-2.jsonl'),
];

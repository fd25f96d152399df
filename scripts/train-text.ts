// Trains the sentiment classifier on the TRAIN split of server/lib/text/eval-feedback-set.jsonl
// and writes server/lib/text/sentiment-model.json (committed; deterministic).
// Usage: npx tsx scripts/train-text.ts
import { writeFileSync } from 'node:fs';
import { train } from '../server/lib/text/classifier.ts';
import { extractFeatures } from '../server/lib/text/features.ts';
import { MODEL_VERSION } from '../server/lib/text/version.ts';
import {
  loadMainSet,
  loadTopicSet,
  loadTopicTrainSupplement,
  loadTrainSupplement,
} from '../server/lib/text/eval-dataset.ts';
import { TOPIC_TRAIN_OPTIONS } from '../server/lib/text/topic-train-options.ts';
import { trainTopicModel } from '../server/lib/text/topic-model.ts';
import { DEFAULT_TOPICS } from '../server/lib/text/topics.ts';

const examples = [
  ...loadMainSet().filter((item) => item.split === 'train'),
  ...loadTrainSupplement(),
].map((item) => ({ features: extractFeatures(item.text), label: item.sentiment }));
const model = train(examples, MODEL_VERSION, { epochs: 40, learningRate: 0.2, l2: 0.001 });
const target = new URL('../server/lib/text/sentiment-model.json', import.meta.url);
writeFileSync(target, JSON.stringify(model) + '\n');
console.log(
  `trained on ${examples.length} texts, ${Object.keys(model.weights).length} features → ${target.pathname}`,
);

// The topic model (issue 22): one-vs-rest on the TRAIN split of the topic set and the train-only
// supplement of general vocabulary per topic.
const topicExamples = [
  ...loadTopicSet().filter((item) => item.split === 'train'),
  ...loadTopicTrainSupplement(),
];
const topics = trainTopicModel(topicExamples, DEFAULT_TOPICS, MODEL_VERSION, TOPIC_TRAIN_OPTIONS);
const topicTarget = new URL('../server/lib/text/topic-model.json', import.meta.url);
writeFileSync(topicTarget, JSON.stringify(topics) + '\n');
console.log(`topic model: trained on ${topicExamples.length} texts → ${topicTarget.pathname}`);

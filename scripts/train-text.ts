// Trains the sentiment classifier on the TRAIN split of server/lib/text/eval-feedback-set.jsonl
// and writes server/lib/text/sentiment-model.json (committed; deterministic).
// Usage: npx tsx scripts/train-text.ts
import { writeFileSync } from 'node:fs';
import { train } from '../server/lib/text/classifier.ts';
import { extractFeatures } from '../server/lib/text/features.ts';
import { MODEL_VERSION } from '../server/lib/text/version.ts';
import { loadMainSet } from '../server/lib/text/eval-dataset.ts';

const examples = loadMainSet()
  .filter((item) => item.split === 'train')
  .map((item) => ({ features: extractFeatures(item.text), label: item.sentiment }));
const model = train(examples, MODEL_VERSION, { epochs: 40, learningRate: 0.2, l2: 0.001 });
const target = new URL('../server/lib/text/sentiment-model.json', import.meta.url);
writeFileSync(target, JSON.stringify(model) + '\n');
console.log(
  `trained on ${examples.length} texts, ${Object.keys(model.weights).length} features → ${target.pathname}`,
);

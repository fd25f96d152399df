// Trains the sentiment classifier on the TRAIN split of server/modules/text/eval/feedback-set.jsonl
// and writes server/modules/text/engine/sentiment-model.json (committed; deterministic).
// Usage: npx tsx scripts/train-text.ts
import { writeFileSync } from 'node:fs';
import { train } from '../server/modules/text/engine/classifier.ts';
import { extractFeatures } from '../server/modules/text/engine/features.ts';
import { MODEL_VERSION } from '../server/modules/text/engine/version.ts';
import { loadMainSet } from '../server/modules/text/eval/dataset.ts';

const examples = loadMainSet()
  .filter((item) => item.split === 'train')
  .map((item) => ({ features: extractFeatures(item.text), label: item.sentiment }));
const model = train(examples, MODEL_VERSION, { epochs: 40, learningRate: 0.2, l2: 0.001 });
const target = new URL('../server/modules/text/engine/sentiment-model.json', import.meta.url);
writeFileSync(target, JSON.stringify(model) + '\n');
console.log(
  `trained on ${examples.length} texts, ${Object.keys(model.weights).length} features → ${target.pathname}`,
);

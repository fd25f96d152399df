// Prints sentiment and language quality on the held-out TEST split and on the unseen set, plus
// two baselines that show what each half of the model contributes.
// Usage: npm run eval:text  (add -- --errors to list the misclassified texts)
import { train } from '../server/lib/text/classifier.ts';
import { evaluate, formatEvaluation } from '../server/lib/text/evaluate.ts';
import { extractFeatures, lexiconScore, stripPoliteness } from '../server/lib/text/features.ts';
import { sentimentModel } from '../server/lib/text/sentiment.ts';
import { tokenize } from '../server/lib/text/tokens.ts';
import { loadMainSet, loadTopicSet, loadUnseenSet } from '../server/lib/text/eval-dataset.ts';
import { evaluateTopics, formatTopicEvaluation } from '../server/lib/text/topic-eval.ts';
import { predictTopics } from '../server/lib/text/topic-model.ts';
import { DEFAULT_TOPICS, tagTopics } from '../server/lib/text/topics.ts';

const showErrors = process.argv.includes('--errors');
const model = sentimentModel();
console.log(`model ${model.version}, ${Object.keys(model.weights).length} features`);
const main = loadMainSet();
const test = main.filter((i) => i.split === 'test');
const unseen = loadUnseenSet();
const sets = [
  ['test split', test],
  ['unseen set (never tuned on)', unseen],
  ['train split (for reference)', main.filter((i) => i.split === 'train')],
] as const;
for (const [title, set] of sets) {
  const e = evaluate([...set], model);
  console.log(formatEvaluation(title, e));
  if (showErrors)
    for (const err of e.errors)
      console.log(`  ✗ ${err.id} expected ${err.expected}, got ${err.got}: ${err.text}`);
  console.log('');
}

// Baseline 1: the lexicon and rules alone (no training): net polarity with a dead zone.
const lexiconOnly = (text: string) => {
  const { positive, negative } = lexiconScore(tokenize(stripPoliteness(text).text));
  const net = positive - negative;
  return net >= 0.5 ? 'positive' : net <= -0.5 ? 'negative' : 'neutral';
};
// Baseline 2: the classifier on stems and bigrams only, without the lexicon/rule features.
const bagOnly = train(
  main
    .filter((i) => i.split === 'train')
    .map((i) => ({
      features: new Map(
        [...extractFeatures(i.text)].filter(
          ([k]) => k.startsWith('w:') || k.startsWith('b:') || k === 'bias',
        ),
      ),
      label: i.sentiment,
    })),
  'baseline-bag',
  { epochs: 40, learningRate: 0.2, l2: 0.001 },
);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
console.log('== baselines: sentiment accuracy (test split / unseen set) ==');
console.log(
  `lexicon + rules only:     ${pct(evaluate(test, undefined, lexiconOnly).sentimentAccuracy)} / ${pct(evaluate(unseen, undefined, lexiconOnly).sentimentAccuracy)}`,
);
console.log(
  `stems + bigrams only:     ${pct(evaluate(test, bagOnly).sentimentAccuracy)} / ${pct(evaluate(unseen, bagOnly).sentimentAccuracy)}`,
);
console.log(
  `combined (shipped model): ${pct(evaluate(test, model).sentimentAccuracy)} / ${pct(evaluate(unseen, model).sentimentAccuracy)}`,
);

// Topics (issue 22): the keyword tagger alone vs the shipped topic model, per topic and micro.
const topicSet = loadTopicSet();
const topicKeys = DEFAULT_TOPICS.map((t) => t.key);
for (const [title, items] of [
  ['topics, test split', topicSet.filter((i) => i.split === 'test')],
  ['topics, train split (for reference)', topicSet.filter((i) => i.split === 'train')],
] as const) {
  console.log('');
  const keywords = evaluateTopics([...items], topicKeys, (t) => tagTopics(t, DEFAULT_TOPICS));
  console.log(formatTopicEvaluation(`${title} — keywords only`, keywords));
  const shipped = evaluateTopics([...items], topicKeys, (t) => predictTopics(t, DEFAULT_TOPICS));
  console.log(formatTopicEvaluation(`${title} — shipped model`, shipped));
  if (showErrors)
    for (const err of shipped.errors)
      console.log(
        `  ✗ ${err.id} expected ${err.expected.join(',')}, got ${err.got.join(',')}: ${err.text}`,
      );
}

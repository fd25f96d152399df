// Issue 22: no lexicon entry or rule may match only evaluation texts (the test split and the
// unseen set) and no training text — such an entry can only come from reading the answers.
import { describe, expect, it } from 'vitest';
import {
  loadMainSet,
  loadTopicSet,
  loadTopicTrainSupplement,
  loadTrainSupplement,
  loadUnseenSet,
} from './eval-dataset.ts';
import { findCueLeakage, findLeakage, findNearCopies, SHIPPED_LEXICON } from './leakage.ts';
import { TOPIC_CUES } from './topic-cues.ts';
import { tokenize } from './tokens.ts';

const main = loadMainSet();
const train = [...main.filter((i) => i.split === 'train'), ...loadTrainSupplement()];
const evaluation = [...main.filter((i) => i.split === 'test'), ...loadUnseenSet()];

describe('the leakage guard', () => {
  it('finds no lexicon entry or rule that matches only evaluation texts', () => {
    expect(findLeakage(train, evaluation)).toEqual([]);
  });

  it('flags a planted test-only entry of each kind', () => {
    const planted = {
      ...SHIPPED_LEXICON,
      negative: { ...SHIPPED_LEXICON.negative, штраф: 1 },
      politeness: [...SHIPPED_LEXICON.politeness, /спасибо,? получил/],
      requestStarts: [...SHIPPED_LEXICON.requestStarts, 'is your'],
    };
    const leaks = findLeakage(train, evaluation, planted).map((l) => `${l.kind}:${l.entry}`);
    expect(leaks).toEqual(['negative:штраф', 'politeness:спасибо,? получил', 'request:is your']);
  });

  it('counts an entry as clean once a training text uses it', () => {
    const planted = { ...SHIPPED_LEXICON, negative: { ...SHIPPED_LEXICON.negative, штраф: 1 } };
    const withTrain = [...train, { id: 'x', text: 'Выставили штраф без причины' }];
    expect(findLeakage(withTrain, evaluation, planted)).toEqual([]);
  });
});

describe('the leakage guard for topic cues', () => {
  const topics = loadTopicSet();
  // The train-only supplement of general vocabulary counts as training text, like the split.
  const topicTrain = [...topics.filter((i) => i.split === 'train'), ...loadTopicTrainSupplement()];
  const topicTest = topics.filter((i) => i.split === 'test');

  it('finds no cue that matches only test texts of the topic set', () => {
    expect(findCueLeakage(topicTrain, topicTest)).toEqual([]);
  });

  it('flags a planted test-only cue', () => {
    // A word of a test text that no training text contains, found by the test itself (the
    // supplement made the old planted cue "испорч" a training word).
    const trainWords = new Set(topicTrain.flatMap((i) => tokenize(i.text).map((t) => t.word)));
    const testOnly = topicTest
      .flatMap((i) => tokenize(i.text).map((t) => t.word))
      .find((w) => w.length >= 6 && ![...trainWords].some((tw) => tw.startsWith(w)))!;
    expect(testOnly).toBeDefined();
    const planted = { ...TOPIC_CUES, quality: [...TOPIC_CUES.quality!, testOnly] };
    expect(findCueLeakage(topicTrain, topicTest, planted).map((l) => l.entry)).toEqual([
      `quality:${testOnly}`,
    ]);
  });

  // The hand-written supplements (never the labelled split itself, whose design is fixed) must not
  // hold a copy or near copy of a test text: 13 did by chance (short, common phrasings) and were
  // removed in issue 22's third session.
  it('finds no supplement text that copies a test text', () => {
    expect(findNearCopies(loadTopicTrainSupplement(), topicTest)).toEqual([]);
  });

  it('flags a planted near copy of a test text', () => {
    const copied = topicTest.find((i) => i.text.split(' ').length >= 4)!;
    const planted = [
      ...loadTopicTrainSupplement(),
      { id: 'planted', text: `${copied.text.toUpperCase()}!!` },
    ];
    expect(findNearCopies(planted, topicTest)).toEqual(['planted']);
  });
});

// The topic model (issue 22): deterministic training, per-organisation taxonomies, measured floor.
import { describe, expect, it } from 'vitest';
import { loadTopicSet, loadTopicTrainSupplement } from './eval-dataset.ts';
import { classifySentiment } from './sentiment.ts';
import { evaluateTopics } from './topic-eval.ts';
import { predictTopics, topicModel, trainTopicModel } from './topic-model.ts';
import { DEFAULT_TOPICS, tagTopics, type TopicDef } from './topics.ts';
import { MODEL_VERSION } from './version.ts';
import { TOPIC_TRAIN_OPTIONS } from './topic-train-options.ts';

const keys = DEFAULT_TOPICS.map((t) => t.key);

describe('topic model', () => {
  it('is the committed output of scripts/train-text.ts', () => {
    const train = [
      ...loadTopicSet().filter((i) => i.split === 'train'),
      ...loadTopicTrainSupplement(),
    ];
    expect(trainTopicModel(train, DEFAULT_TOPICS, MODEL_VERSION, TOPIC_TRAIN_OPTIONS)).toEqual(
      topicModel(),
    );
  });

  it('has a topic set of the promised size and mix', () => {
    const all = loadTopicSet();
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const lang of ['ru', 'en']) expect(all.some((i) => i.language === lang)).toBe(true);
    expect(all.filter((i) => i.topics.length === 0).length).toBeGreaterThan(20);
    expect(all.filter((i) => i.topics.length > 1).length).toBeGreaterThan(40);
    for (const k of keys)
      expect(all.filter((i) => i.split === 'test' && i.topics.includes(k)).length).toBeGreaterThan(
        3,
      );
  });

  it('meets issue 22 on the test split: micro-F1 ≥ 0.80, every default topic recall ≥ 0.6', () => {
    // Measured: 0.813 (keywords alone 0.589; 0.729 before the second supplement), lowest recall
    // product 0.625 — see docs/BENCHMARKS.md for how (training texts only, the test read twice).
    const test = loadTopicSet().filter((i) => i.split === 'test');
    const e = evaluateTopics(test, keys, (t) => predictTopics(t, DEFAULT_TOPICS));
    expect(e.micro.f1).toBeGreaterThanOrEqual(0.8);
    for (const t of e.perTopic) expect({ [t.topic]: t.recall >= 0.6 }).toEqual({ [t.topic]: true });
    expect(e.micro.f1).toBeGreaterThan(
      evaluateTopics(test, keys, (t) => tagTopics(t, DEFAULT_TOPICS)).micro.f1,
    );
  });

  it('keeps an organisation topic with only keywords working, beside the model topics', () => {
    const taxonomy: TopicDef[] = [
      ...DEFAULT_TOPICS,
      {
        key: 'parking',
        labelRu: 'Парковка',
        labelEn: 'Parking',
        keywords: ['парковка', 'car park'],
      },
    ];
    expect(predictTopics('Курьер опоздал, парковки у офиса нет', taxonomy)).toEqual([
      'delivery',
      'parking',
    ]);
    expect(predictTopics('The car park was full', taxonomy)).toEqual(['parking']);
    expect(predictTopics('Добрый день', taxonomy)).toEqual([]);
  });

  it('uses an organisation’s own keywords for a default topic', () => {
    const edited = DEFAULT_TOPICS.map((t) =>
      t.key === 'product' ? { ...t, keywords: [...t.keywords, 'тахограф'] } : t,
    );
    expect(predictTopics('Тахограф сбоит', edited)).toContain('product');
  });
});

describe('the misses users saw in the demo (issue 22)', () => {
  it('"испорчена" is negative and about delivery and quality', () => {
    const text = 'Груз пришёл с повреждённой упаковкой, часть товара испорчена.';
    expect(classifySentiment(text).label).toBe('negative');
    expect(predictTopics(text, DEFAULT_TOPICS)).toEqual(['delivery', 'quality']);
  });
  it('"решаются за минуты" is positive, about staff and communication', () => {
    const text = 'Менеджер всегда на связи, вопросы решаются за минуты.';
    expect(classifySentiment(text).label).toBe('positive');
    expect(predictTopics(text, DEFAULT_TOPICS)).toEqual(['communication', 'staff']);
  });
});

import { describe, expect, it } from 'vitest';
import { loadMainSet, loadTrainSupplement, loadUnseenSet } from './eval-dataset.ts';
import { train } from './classifier.ts';
import { evaluate } from './evaluate.ts';
import { extractFeatures } from './features.ts';
import { detectLanguage } from './language.ts';
import { classifySentiment, sentimentModel, sentimentWithPrior } from './sentiment.ts';
import { stemEn, stemRu } from './stem.ts';
import { DEFAULT_TOPICS, tagTopics } from './topics.ts';
import { tokenize } from './tokens.ts';
import { MODEL_VERSION } from './version.ts';

describe('language detection', () => {
  it.each([
    ['Спасибо', 'ru'],
    ['ок', 'ru'],
    ['Support ответил быстро, всё ок', 'ru'],
    ['Заказ через CRM Bitrix24 не дошёл', 'ru'],
    ['ok thanks', 'en'],
    ['Ок, thanks for the info, will wait', 'en'],
    ['The courier was late', 'en'],
    ['Très bien, merci beaucoup à l’équipe', 'other'],
    ['Дякую, все дуже добре', 'other'],
    ['非常好', 'other'],
  ] as const)('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it('has no language without letters', () => {
    expect(detectLanguage('10/10 !!!')).toBeNull();
  });
});

describe('stemming folds word forms', () => {
  it.each([
    ['опоздал', 'опоздала'],
    ['вежливый', 'вежливая'],
    ['доставка', 'доставки'],
    ['понравилось', 'понравился'],
  ])('ru %s ~ %s', (a, b) => expect(stemRu(a)).toBe(stemRu(b)));
  it.each([
    ['complaints', 'complaint'],
    ['delivered', 'delivering'],
    ['quickly', 'quick'],
  ])('en %s ~ %s', (a, b) => expect(stemEn(a)).toBe(stemEn(b)));
});

describe('negation scope', () => {
  it('marks the words after a negator until punctuation or a contrast', () => {
    const tokens = tokenize('не понравилось обслуживание, но курьер вежливый');
    expect(tokens.filter((t) => t.negated).map((t) => t.word)).toEqual([
      'понравилось',
      'обслуживание',
    ]);
    expect(tokens.find((t) => t.word === 'вежливый')?.clause).toBe(1);
  });
  it("treats n't as a negator", () => {
    expect(tokenize("the driver wasn't late").find((t) => t.word === 'late')?.negated).toBe(true);
  });
});

describe('sentiment', () => {
  it.each([
    ['Всё отлично, спасибо!', 'positive'],
    ['Не понравилось, качество плохое', 'negative'],
    ['Курьер не опоздал, всё вовремя', 'positive'],
    ['Нет претензий', 'positive'],
    ['No complaints, everything went smoothly', 'positive'],
    ['Подскажите, пожалуйста, когда будет доставка?', 'neutral'],
    ['Спасибо заранее за ответ', 'neutral'],
    ['Thanks in advance for your reply', 'neutral'],
    ['Please send the invoice for March', 'neutral'],
    ['Хамство со стороны менеджера', 'negative'],
    ['Очень вежливый курьер', 'positive'],
    ['Поддержка не отвечает уже неделю', 'negative'],
    ['Terrible service, the courier was rude', 'negative'],
    ['Сотрудники вежливые, но проблему так и не решили', 'negative'],
  ] as const)('%s → %s', (text, expected) => {
    expect(classifySentiment(text).label).toBe(expected);
  });

  it('gives a score in [-1, 1] that follows the label', () => {
    const good = classifySentiment('Отличный сервис, очень довольны');
    const bad = classifySentiment('Ужасно, деньги так и не вернули');
    expect(good.score).toBeGreaterThan(0.3);
    expect(bad.score).toBeLessThan(-0.3);
    for (const s of [good, bad]) expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
  });

  it('uses a survey score only as a prior for empty or unsure text', () => {
    expect(sentimentWithPrior(null, { type: 'nps', value: 2 })?.label).toBe('negative');
    expect(sentimentWithPrior('', { type: 'csat', value: 5 })?.label).toBe('positive');
    // CES: 1 = very little effort, 7 = very much (the metric's and the case rule's reading).
    expect(sentimentWithPrior(null, { type: 'ces', value: 7 })?.label).toBe('negative');
    expect(sentimentWithPrior(null, { type: 'ces', value: 2 })?.label).toBe('positive');
    expect(sentimentWithPrior(null, null)).toBeNull();
    // Clear text wins over a contradicting score.
    expect(
      sentimentWithPrior('Ужасное обслуживание, больше не закажу', { type: 'nps', value: 10 })
        ?.label,
    ).toBe('negative');
  });
});

describe('the trained model', () => {
  // 90.7 % before issue 22 removed the 36 lexicon entries and rules that matched only evaluation
  // texts; 76.3 % is the honest figure (docs/BENCHMARKS.md). The floor guards against regressions.
  it('reaches ≥ 75% sentiment and ≥ 99% language accuracy on the held-out test split', () => {
    const test = loadMainSet().filter((i) => i.split === 'test');
    expect(test.length).toBeGreaterThanOrEqual(75);
    const e = evaluate(test);
    expect(e.sentimentAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(e.languageAccuracy).toBeGreaterThanOrEqual(0.99);
  });

  it('holds up on the unseen set (≥ 80%)', () => {
    expect(evaluate(loadUnseenSet()).sentimentAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('is the committed output of scripts/train-text.ts (training is deterministic)', () => {
    const examples = [
      ...loadMainSet().filter((i) => i.split === 'train'),
      ...loadTrainSupplement(),
    ].map((i) => ({ features: extractFeatures(i.text), label: i.sentiment }));
    const retrained = train(examples, MODEL_VERSION, { epochs: 40, learningRate: 0.2, l2: 0.001 });
    expect(retrained).toEqual(sentimentModel());
  });

  it('has an evaluation set of the promised size and mix', () => {
    const all = loadMainSet();
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    const ru = all.filter((i) => i.language === 'ru').length / all.length;
    expect(ru).toBeGreaterThan(0.5);
    for (const label of ['positive', 'neutral', 'negative'])
      expect(all.filter((i) => i.sentiment === label).length).toBeGreaterThan(80);
    expect(loadUnseenSet().length).toBeGreaterThanOrEqual(60);
  });
});

describe('topics', () => {
  it.each([
    ['Курьер опоздал на два часа', ['delivery']],
    ['Закрывающие документы опять с ошибками', ['billing_documents']],
    ['Слишком дорого за такое качество', ['quality', 'price']],
    ['The invoice was wrong again', ['billing_documents']],
    ['Rude staff at the front desk', ['staff']],
    ['Приложение постоянно зависает', ['product']],
    ['Добрый день', []],
  ])('%s → %j', (text, expected) => {
    expect(tagTopics(text, DEFAULT_TOPICS)).toEqual(expected);
  });

  it('matches multi-word keywords as phrases and uses custom taxonomies', () => {
    const custom = [
      {
        key: 'parking',
        labelRu: 'Парковка',
        labelEn: 'Parking',
        keywords: ['парковка', 'car park'],
      },
    ];
    expect(tagTopics('Нет парковки у офиса', custom)).toEqual(['parking']);
    expect(tagTopics('The car park was full', custom)).toEqual(['parking']);
    expect(tagTopics('The car was parked', custom)).toEqual([]);
  });
});

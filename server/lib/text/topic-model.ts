// Topics beyond keywords (issue 22): one binary logistic regression per topic (one-vs-rest) over
// the text's stems and stem bigrams plus one feature `kw` = "this topic's keywords match", trained
// on the topic set's TRAIN split by scripts/train-text.ts. A taxonomy topic the model knows (a
// default key) is decided by its model with the organisation's own keywords as `kw`, so edited
// keyword lists still count; a keyword match always tags the topic (an organisation's keyword is
// its instruction), and a topic the model does not know (an organisation's own) is decided by its
// keywords alone, as before. The model adds the texts that name a topic without a keyword.
// Each topic has its own threshold, chosen by cross-validation inside the train split.
import { readFileSync } from 'node:fs';
import { TOPIC_CUES } from './topic-cues.ts';
import { tagTopics, type TopicDef } from './topics.ts';
import { tokenize, type Token } from './tokens.ts';

export interface TopicModel {
  version: string;
  /** The default threshold, for a topic without its own. */
  threshold: number;
  /** Per topic key, the probability at or above which the topic is tagged. */
  thresholds?: Record<string, number>;
  /** topic key → feature → weight (`bias` and `kw` included). */
  weights: Record<string, Record<string, number>>;
  /** Extra features of the text, chosen with the training options (absent: stems and bigrams). */
  features?: TopicFeatureOptions;
}

/** Features beyond stems and stem bigrams that generalise across word forms and new words. */
export interface TopicFeatureOptions {
  /** Add `p:<first n letters of the stem>` for longer stems (испорч-ен / испорт-ил share "испор"). */
  prefix?: number;
  /** Add `g:<n letters>` character n-grams of each stem (with `^`/`$` at its ends). */
  grams?: number;
}

const wordCue = (cue: string, t: Token) =>
  cue.length <= 3
    ? t.word === cue || t.stem === cue
    : t.word.startsWith(cue) || t.stem.startsWith(cue);

/** Does a cue match: a phrase inside the text, a short cue as a whole word or stem, else a prefix. */
export function cueMatches(cue: string, tokens: Token[], joined: string): boolean {
  if (cue.includes(' ')) return joined.includes(` ${cue}`);
  return tokens.some((t) => wordCue(cue, t));
}

// The single-word cues, numbered; per word, which of them it matches (a word's stem is a function
// of the word, so the answer is cached per word: the sweep sees the same words again and again).
const SINGLE = Object.entries(TOPIC_CUES).flatMap(([key, list]) =>
  list.filter((c) => !c.includes(' ')).map((cue) => ({ key, cue })),
);
// A phrase matches at a word start and its first word ends at a space, so a text can only hold it
// when one of its words is that first word: ~90 phrases are checked only then.
const PHRASES = Object.entries(TOPIC_CUES).flatMap(([key, list]) =>
  list.filter((c) => c.includes(' ')).map((cue) => ({ key, cue, first: cue.split(' ')[0]! })),
);
const cueCache = new Map<string, number[]>();
// A cue can only match a word or stem that starts with the cue's first two letters, so a new word
// is checked against the cues of its own two buckets, not all ~900 (every cue has ≥ 2 letters).
const byOpening = new Map<string, number[]>();
SINGLE.forEach(({ cue }, i) => {
  const bucket = byOpening.get(cue.slice(0, 2)) ?? [];
  bucket.push(i);
  byOpening.set(cue.slice(0, 2), bucket);
});

function cuesOfToken(t: Token): number[] {
  let hits = cueCache.get(t.word);
  if (!hits) {
    if (cueCache.size > 50_000) cueCache.clear();
    const candidates = new Set([
      ...(byOpening.get(t.word.slice(0, 2)) ?? []),
      ...(byOpening.get(t.stem.slice(0, 2)) ?? []),
    ]);
    hits = [...candidates].filter((i) => wordCue(SINGLE[i]!.cue, t)).sort((a, b) => a - b);
    cueCache.set(t.word, hits);
  }
  return hits;
}

export interface TopicTextFeatures {
  /** Stems and stem bigrams; negation is ignored (a topic is a topic whether praised or not). */
  bag: string[];
  /** Per default topic key, how many of its cues match. */
  cues: Map<string, number>;
}

function addWordForms(bag: Set<string>, stems: string[], opts: TopicFeatureOptions) {
  for (const s of stems) {
    if (opts.prefix && s.length > opts.prefix) bag.add(`p:${s.slice(0, opts.prefix)}`);
    if (opts.grams && s.length >= opts.grams) {
      const padded = `^${s}$`;
      for (let i = 0; i + opts.grams <= padded.length; i++)
        bag.add(`g:${padded.slice(i, i + opts.grams)}`);
    }
  }
}

export function topicTextFeatures(text: string, opts: TopicFeatureOptions = {}): TopicTextFeatures {
  const tokens = tokenize(text).filter((t) => t.stem !== 'NEG');
  const stems = tokens.map((t) => t.stem);
  const bag = new Set(stems.map((s) => `w:${s}`));
  for (let i = 1; i < stems.length; i++) bag.add(`b:${stems[i - 1]}_${stems[i]}`);
  if (opts.prefix || opts.grams) addWordForms(bag, stems, opts);
  const matched = new Set<number>();
  for (const t of tokens) for (const i of cuesOfToken(t)) matched.add(i);
  const cues = new Map<string, number>();
  for (const i of matched) cues.set(SINGLE[i]!.key, (cues.get(SINGLE[i]!.key) ?? 0) + 1);
  if (PHRASES.length) {
    const present = new Set(tokens.map((t) => t.word));
    const joined = ` ${tokens.map((t) => t.word).join(' ')} `;
    for (const { key, cue, first } of PHRASES)
      if (present.has(first) && joined.includes(` ${cue}`)) cues.set(key, (cues.get(key) ?? 0) + 1);
  }
  return { bag: [...bag], cues };
}

/** The sparse features one topic's model sees. */
function featuresFor(f: TopicTextFeatures, key: string, kw: boolean): [string, number][] {
  const cues = f.cues.get(key) ?? 0;
  const out: [string, number][] = f.bag.map((name) => [name, 1]);
  out.push(['bias', 1]);
  if (kw) out.push(['kw', 1]);
  if (cues) out.push(['cue', Math.min(cues, 3)], ['cue1', 1]);
  return out;
}

function score(w: Record<string, number>, features: [string, number][]): number {
  let z = 0;
  for (const [name, value] of features) z += (w[name] ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

export interface TopicTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  threshold: number;
  thresholds?: Record<string, number>;
  features?: TopicFeatureOptions;
}

export function trainTopicModel(
  examples: { text: string; topics: string[] }[],
  taxonomy: TopicDef[],
  version: string,
  opts: TopicTrainOptions,
): TopicModel {
  const rows = examples.map((e) => ({
    features: topicTextFeatures(e.text, opts.features),
    kwHits: new Set(tagTopics(e.text, taxonomy)),
    topics: new Set(e.topics),
  }));
  const weights: TopicModel['weights'] = {};
  for (const topic of taxonomy) {
    const w: Record<string, number> = {};
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const lr = opts.learningRate / (1 + epoch * 0.05);
      for (const r of rows) {
        const features = featuresFor(r.features, topic.key, r.kwHits.has(topic.key));
        const err = score(w, features) - (r.topics.has(topic.key) ? 1 : 0);
        for (const [f, value] of features)
          w[f] = (w[f] ?? 0) - lr * (err * value + opts.l2 * (w[f] ?? 0));
      }
    }
    const kept: Record<string, number> = {};
    for (const f of Object.keys(w).sort())
      if (Math.abs(w[f]!) >= 0.005) kept[f] = Math.round(w[f]! * 10000) / 10000;
    weights[topic.key] = kept;
  }
  return {
    version,
    threshold: opts.threshold,
    ...(opts.thresholds ? { thresholds: opts.thresholds } : {}),
    weights,
    ...(opts.features ? { features: opts.features } : {}),
  };
}

let loaded: TopicModel | undefined;

export function topicModel(): TopicModel {
  loaded ??= JSON.parse(
    readFileSync(new URL('./topic-model.json', import.meta.url), 'utf8'),
  ) as TopicModel;
  return loaded;
}

// Prediction reads weights from one Map built once per model: feature → its weight in every
// topic (a model's JSON has ~60 000 weights; one lookup per feature instead of one per topic),
// summed in featuresFor's order (bag, bias, kw, cues), so the result is the same number
// training's `score` gives (a topic without the feature adds 0, as `w[name] ?? 0` does).
interface CompiledModel {
  index: Map<string, number>;
  bag: Map<string, Float64Array>;
  named: { bias: number; kw: number; cue: number; cue1: number }[];
}
const compiledModels = new WeakMap<TopicModel, CompiledModel>();

function compiled(model: TopicModel): CompiledModel {
  let c = compiledModels.get(model);
  if (c) return c;
  const keys = Object.keys(model.weights);
  c = { index: new Map(keys.map((k, i) => [k, i])), bag: new Map(), named: [] };
  for (const [i, key] of keys.entries()) {
    const w = model.weights[key]!;
    c.named.push({ bias: w.bias ?? 0, kw: w.kw ?? 0, cue: w.cue ?? 0, cue1: w.cue1 ?? 0 });
    for (const [name, weight] of Object.entries(w)) {
      if (!name.includes(':')) continue;
      let v = c.bag.get(name);
      if (!v) c.bag.set(name, (v = new Float64Array(keys.length)));
      v[i] = weight;
    }
  }
  compiledModels.set(model, c);
  return c;
}

/** Per topic of the model, the sum of its weights over the text's bag, in the bag's order. */
function bagSums(c: CompiledModel, f: TopicTextFeatures): Float64Array {
  const sums = new Float64Array(c.named.length);
  for (const name of f.bag) {
    const v = c.bag.get(name);
    if (v) for (let i = 0; i < v.length; i++) sums[i] = sums[i]! + v[i]!;
  }
  return sums;
}

function probability(
  c: CompiledModel,
  i: number,
  sums: Float64Array,
  f: TopicTextFeatures,
  key: string,
  kw: boolean,
) {
  const w = c.named[i]!;
  let z = sums[i]!;
  z += w.bias;
  if (kw) z += w.kw;
  const cues = f.cues.get(key) ?? 0;
  if (cues) z += w.cue * Math.min(cues, 3) + w.cue1;
  return 1 / (1 + Math.exp(-z));
}

/** The model's probability per topic it knows (keywords as `kw`), for tuning thresholds. */
export function topicScores(
  text: string,
  taxonomy: TopicDef[],
  model: TopicModel = topicModel(),
): Record<string, number> {
  const kwHits = new Set(tagTopics(text, taxonomy));
  const features = topicTextFeatures(text, model.features);
  const c = compiled(model);
  const sums = bagSums(c, features);
  const out: Record<string, number> = {};
  for (const topic of taxonomy) {
    const i = c.index.get(topic.key);
    if (i !== undefined)
      out[topic.key] = probability(c, i, sums, features, topic.key, kwHits.has(topic.key));
  }
  return out;
}

/** The taxonomy's topics found in `text`, in taxonomy order. */
export function predictTopics(
  text: string,
  taxonomy: TopicDef[],
  model: TopicModel = topicModel(),
): string[] {
  const kwHits = new Set(tagTopics(text, taxonomy));
  const c = compiled(model);
  let features: TopicTextFeatures | undefined;
  let sums: Float64Array | undefined;
  return taxonomy
    .filter((topic) => {
      const i = c.index.get(topic.key);
      // An organisation's listed keyword is an instruction: it always counts (as before the model).
      if (i === undefined || kwHits.has(topic.key)) return kwHits.has(topic.key);
      features ??= topicTextFeatures(text, model.features);
      sums ??= bagSums(c, features);
      const threshold = model.thresholds?.[topic.key] ?? model.threshold;
      return probability(c, i, sums, features, topic.key, false) >= threshold;
    })
    .map((t) => t.key);
}

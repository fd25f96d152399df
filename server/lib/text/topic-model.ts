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
const PHRASES = Object.entries(TOPIC_CUES).flatMap(([key, list]) =>
  list.filter((c) => c.includes(' ')).map((cue) => ({ key, cue })),
);
const cueCache = new Map<string, number[]>();

function cuesOfToken(t: Token): number[] {
  let hits = cueCache.get(t.word);
  if (!hits) {
    if (cueCache.size > 50_000) cueCache.clear();
    hits = [];
    for (let i = 0; i < SINGLE.length; i++) if (wordCue(SINGLE[i]!.cue, t)) hits.push(i);
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
    const joined = ` ${tokens.map((t) => t.word).join(' ')} `;
    for (const { key, cue } of PHRASES)
      if (joined.includes(` ${cue}`)) cues.set(key, (cues.get(key) ?? 0) + 1);
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

// Prediction reads weights from Maps built once per model (a model's JSON object has thousands of
// keys; Map lookups are several times faster), summed in featuresFor's order, so the result is
// the same number training's `score` gives.
const compiledModels = new WeakMap<TopicModel, Map<string, Map<string, number>>>();

function weightsOf(model: TopicModel, key: string): Map<string, number> | undefined {
  let c = compiledModels.get(model);
  if (!c) {
    c = new Map(Object.entries(model.weights).map(([k, w]) => [k, new Map(Object.entries(w))]));
    compiledModels.set(model, c);
  }
  return c.get(key);
}

function probability(w: Map<string, number>, f: TopicTextFeatures, key: string, kw: boolean) {
  let z = 0;
  for (const name of f.bag) z += w.get(name) ?? 0;
  z += w.get('bias') ?? 0;
  if (kw) z += w.get('kw') ?? 0;
  const cues = f.cues.get(key) ?? 0;
  if (cues) z += (w.get('cue') ?? 0) * Math.min(cues, 3) + (w.get('cue1') ?? 0);
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
  const out: Record<string, number> = {};
  for (const topic of taxonomy) {
    const w = weightsOf(model, topic.key);
    if (w) out[topic.key] = probability(w, features, topic.key, kwHits.has(topic.key));
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
  let features: TopicTextFeatures | undefined;
  return taxonomy
    .filter((topic) => {
      const w = weightsOf(model, topic.key);
      // An organisation's listed keyword is an instruction: it always counts (as before the model).
      if (!w || kwHits.has(topic.key)) return kwHits.has(topic.key);
      features ??= topicTextFeatures(text, model.features);
      const threshold = model.thresholds?.[topic.key] ?? model.threshold;
      return probability(w, features, topic.key, false) >= threshold;
    })
    .map((t) => t.key);
}

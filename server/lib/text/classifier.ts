// Multinomial logistic regression over sparse features, trained here (scripts/train-text.ts) with
// plain SGD in a fixed order so the same data always gives the same weights.
import type { Features } from './features.ts';

export const CLASSES = ['negative', 'neutral', 'positive'] as const;
export type SentimentLabel = (typeof CLASSES)[number];

export interface SentimentModel {
  version: string;
  classes: typeof CLASSES | readonly string[];
  weights: Record<string, [number, number, number]>;
}

// The weights as a Map, built once per model: lookups in a JSON object of ~1 800 keys are slower.
const compiled = new WeakMap<SentimentModel, Map<string, [number, number, number]>>();

export function predictProbabilities(model: SentimentModel, f: Features): [number, number, number] {
  let weights = compiled.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    compiled.set(model, weights);
  }
  const z: [number, number, number] = [0, 0, 0];
  for (const [name, value] of f) {
    const w = weights.get(name);
    if (!w) continue;
    z[0] += w[0] * value;
    z[1] += w[1] * value;
    z[2] += w[2] * value;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max)) as [number, number, number];
  const sum = e[0] + e[1] + e[2];
  return [e[0] / sum, e[1] / sum, e[2] / sum];
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
}

export function train(
  examples: { features: Features; label: SentimentLabel }[],
  version: string,
  opts: TrainOptions,
): SentimentModel {
  const weights = new Map<string, [number, number, number]>();
  const wOf = (name: string) => {
    let w = weights.get(name);
    if (!w) weights.set(name, (w = [0, 0, 0]));
    return w;
  };
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    const lr = opts.learningRate / (1 + epoch * 0.05);
    for (const ex of examples) {
      const p = predictProbabilities(
        {
          version,
          classes: CLASSES,
          weights: Object.fromEntries(weightsFor(weights, ex.features)),
        },
        ex.features,
      );
      const target = CLASSES.indexOf(ex.label);
      for (const [name, value] of ex.features) {
        const w = wOf(name);
        for (let c = 0; c < 3; c++) {
          const grad = (p[c]! - (c === target ? 1 : 0)) * value + opts.l2 * w[c]!;
          w[c] = w[c]! - lr * grad;
        }
      }
    }
  }
  const out: Record<string, [number, number, number]> = {};
  for (const name of [...weights.keys()].sort()) {
    const w = weights.get(name)!;
    if (Math.max(...w.map(Math.abs)) < 0.005) continue;
    out[name] = w.map((v) => Math.round(v * 10000) / 10000) as [number, number, number];
  }
  return { version, classes: CLASSES, weights: out };
}

function weightsFor(
  all: Map<string, [number, number, number]>,
  f: Features,
): [string, [number, number, number]][] {
  const out: [string, [number, number, number]][] = [];
  for (const name of f.keys()) {
    const w = all.get(name);
    if (w) out.push([name, w]);
  }
  return out;
}

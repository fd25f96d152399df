// The module graph as dependency-cruiser sees it, written into docs/architecture.md between the
// `module-graph` markers, so the drawing is the graph the lint enforces. `--check` (run by
// `npm run lint`) fails when the document is stale; without it the document is rewritten.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const DOC = 'docs/architecture.md';
const BEGIN = '<!-- module-graph:begin (npm run docs:graph) -->';
const END = '<!-- module-graph:end -->';
const LAYERS: [string, string[]][] = [
  [
    'analytics',
    [
      'strategy',
      'portfolio',
      'opportunities',
      'reports',
      'arbiter',
      'backlog',
      'scorecard',
      'economics',
      'metrics',
    ],
  ],
  [
    'loop',
    [
      'search',
      'notifications',
      'competencies',
      'pulse',
      'care',
      'text',
      'imports',
      'inbound',
      'surveys',
      'telephony',
      'feedback',
      'cases',
      'messaging',
    ],
  ],
  ['loop', ['webhooks']],
  ['core', ['employees', 'stages', 'clients', 'orgs']],
];

interface Cruise {
  modules: { source: string; dependencies: { resolved: string }[] }[];
}

export function moduleEdges(cruise: Cruise): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const owner = (p: string) => /^server\/modules\/([^/]+)\//.exec(p)?.[1];
  for (const m of cruise.modules) {
    const from = owner(m.source);
    if (!from || /\.(test|isolation)\.ts$/.test(m.source)) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const d of m.dependencies) {
      const to = owner(d.resolved);
      if (to && to !== from) edges.get(from)!.add(to);
    }
  }
  return edges;
}

export function renderGraph(edges: Map<string, Set<string>>): string {
  const placed = new Set(LAYERS.flatMap(([, names]) => names));
  const missing = [...edges.keys()].filter((m) => !placed.has(m));
  if (missing.length) throw new Error(`modules not placed in a layer here: ${missing.join(', ')}`);
  const lines = ['```', 'layer      module      → modules it imports (through their index.ts)'];
  for (const [layer, names] of LAYERS)
    for (const name of names) {
      const to = [...(edges.get(name) ?? [])].sort().join(', ') || '—';
      lines.push(`${layer.padEnd(10)} ${name.padEnd(11)} → ${to}`);
    }
  lines.push(
    'platform   server/{lib,db,http,jobs,i18n}, config, deps, context, shared/ → none above',
  );
  lines.push('```');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = execFileSync(
    'npx',
    ['depcruise', 'server', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const block = renderGraph(moduleEdges(JSON.parse(json) as Cruise));
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC} lacks the module-graph markers`);
  const next = `${doc.slice(0, a + BEGIN.length)}\n${block}\n${doc.slice(b)}`;
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error(`${DOC}: the module graph is stale; run npm run docs:graph`);
      process.exit(1);
    }
    console.log('module graph: docs/architecture.md matches the code');
  } else writeFileSync(DOC, next);
}

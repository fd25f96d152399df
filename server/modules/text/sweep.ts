// The text sweep: the worker analyses pending records (text, no analysed_at) in bounded batches,
// so the intake pays nothing per record. One round: pick the oldest pending records of any
// organisation, load their organisations' taxonomies in one query, analyse outside any
// transaction (the provider may take seconds), then write everything in one short transaction
// that re-checks what is still pending and reads the corrections, so a correction made meanwhile
// still wins. Writes are idempotent: several workers may sweep at once.
import type { Deps } from '../../deps.ts';
import type { TextCorrectionsTable } from '../../db/types.ts';
import type { Sweep } from '../module.ts';
import type { TextAnalysis } from './text.repo.ts';
import { analyseText, applyCorrection } from './analyse.ts';
import { DEFAULT_TOPICS, type TopicDef } from '../../lib/text/topics.ts';
import * as repo from './text.repo.ts';
import { topicOfRow } from './topics.service.ts';

export const SWEEP_BATCH_SIZE = 200;
/** Parallel calls to the operator's provider; the offline model is synchronous anyway. */
const PROVIDER_CONCURRENCY = 8;

const hasLetters = (text: string | null) => !!text && /\p{L}/u.test(text);
const NOTHING: TextAnalysis = {
  language: null,
  sentimentLabel: null,
  sentimentScore: null,
  topics: [],
  topicSentiments: null,
};

export function textSweeps(deps: Deps): Sweep[] {
  return [{ name: 'text.analysis', run: () => sweepTextAnalysis(deps) }];
}

/** One round; returns how many records it marked analysed. */
export async function sweepTextAnalysis(deps: Deps, limit = SWEEP_BATCH_SIZE): Promise<number> {
  const pending = await repo.listPendingAnalysis(deps.db, limit);
  if (!pending.length) return 0;
  const orgIds = [...new Set(pending.map((r) => r.org_id))];
  const topicsUsed = taxonomies(await repo.listTopicsOfOrgs(deps.db, orgIds), orgIds);
  const results = await analyseAll(deps, pending, topicsUsed);
  const analysedAt = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const still = await repo.lockStillPending(
      trx,
      deps.dbHandle.dialect,
      pending.map((r) => r.id),
    );
    // A taxonomy edited while we analysed (then usually a reanalyse): leave those rows pending.
    const now = taxonomies(await repo.listTopicsOfOrgs(trx, orgIds), orgIds);
    const unchanged = new Set(
      orgIds.filter((o) => JSON.stringify(now.get(o)) === JSON.stringify(topicsUsed.get(o))),
    );
    const writes = results.filter((r) => still.has(r.id) && unchanged.has(r.orgId));
    const corrections = new Map<string, TextCorrectionsTable>();
    for (const c of await repo.listCorrectionsOf(
      trx,
      writes.map((w) => ({ org_id: w.orgId, id: w.id })),
    ))
      corrections.set(`${c.org_id}:${c.feedback_id}`, c);
    await repo.writeAnalyses(
      trx,
      deps.dbHandle.dialect,
      writes.map((w) => ({
        orgId: w.orgId,
        id: w.id,
        ...applyCorrection(w.analysis, corrections.get(`${w.orgId}:${w.id}`)),
      })),
      analysedAt,
    );
    return writes.length;
  });
}

function taxonomies(
  rows: Awaited<ReturnType<typeof repo.listTopicsOfOrgs>>,
  orgIds: string[],
): Map<string, TopicDef[]> {
  const out = new Map<string, TopicDef[]>(orgIds.map((o) => [o, []]));
  for (const r of rows) out.get(r.org_id)?.push(topicOfRow(r));
  for (const [o, topics] of out) if (!topics.length) out.set(o, DEFAULT_TOPICS);
  return out;
}

async function analyseAll(
  deps: Deps,
  pending: repo.PendingRecord[],
  topics: Map<string, TopicDef[]>,
) {
  const providerUrl = deps.config.text.providerUrl;
  const one = async (r: repo.PendingRecord) => {
    let analysis = NOTHING;
    if (hasLetters(r.text)) {
      try {
        const score =
          r.score_type && r.score_value !== null
            ? { type: r.score_type, value: r.score_value }
            : null;
        const { source: _source, ...result } = await analyseText({
          text: r.text,
          score,
          topics: topics.get(r.org_id)!,
          providerUrl,
          providerAllowedHosts: deps.config.security.outboundAllowedHosts,
        });
        analysis = result;
      } catch (err) {
        // One odd text must not block the queue behind it: it is marked analysed, with nulls.
        deps.log.warn({ err, feedbackId: r.id, orgId: r.org_id }, 'text analysis failed');
      }
    }
    return { id: r.id, orgId: r.org_id, analysis };
  };
  const out: Array<Awaited<ReturnType<typeof one>>> = [];
  const step = providerUrl ? PROVIDER_CONCURRENCY : 1;
  for (let i = 0; i < pending.length; i += step) {
    out.push(...(await Promise.all(pending.slice(i, i + step).map(one))));
    // The offline model is synchronous CPU: let waiting intake requests in every few records, so
    // a round of 200 (~26 ms of analysis) never holds the event loop in one piece.
    if (!providerUrl && i % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

// Bound KPIs name journey stages by key inside their parameters (ADR 012): a merge of two stages
// rewrites the key, and a stage a binding still names is not deleted (409 stage_in_use).
import type { OrgScope } from '../../context.ts';
import type { BindingParams } from '../../../shared/api/strategy.ts';
import type { StagesMerged } from '../stages/index.ts';
import * as repo from './strategy.repo.ts';

async function boundOn(s: OrgScope, key: string) {
  const rows = await repo.listKpis(s.db, s.orgId);
  return rows.filter(
    (r) => r.metric_params && (JSON.parse(r.metric_params) as BindingParams).stage === key,
  );
}

export async function mergeBindingStages(s: OrgScope, e: StagesMerged): Promise<void> {
  for (const row of await boundOn(s, e.fromKey)) {
    const params = { ...(JSON.parse(row.metric_params!) as BindingParams), stage: e.intoKey };
    await repo.updateKpi(s.db, s.orgId, row.id, { metric_params: JSON.stringify(params) });
  }
}

export async function stageBound(s: OrgScope, key: string): Promise<boolean> {
  return (await boundOn(s, key)).length > 0;
}

// The rollups a bulk load must rebuild after writing rows directly (bench/scorecard.ts): the
// economics ones (ADR 011), feedback's score months (ADR 013) and telephony's calls (ADR 016).
import type { OrgScope } from '../server/context.ts';
import { rebuildTransactionRollups } from '../server/modules/economics/rollups.service.ts';
import { rebuildScoreMonths } from '../server/modules/feedback/index.ts';
import { rebuildCallRollup } from '../server/modules/telephony/index.ts';

export async function rebuildBenchRollups(s: OrgScope): Promise<void> {
  await rebuildTransactionRollups(s);
  await rebuildScoreMonths(s);
  await rebuildCallRollup(s);
}

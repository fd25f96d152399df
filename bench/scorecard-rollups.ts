// The rollups a bulk load must rebuild after writing rows directly (bench/scorecard.ts): the
// economics ones (ADR 011), the scorecard's stage money (ADR 014), feedback's score months
// (ADR 013), their client groups (ADR 017) and the report's counts (ADR 020), the case rollup
// (ADR 015), telephony's calls (ADR 016) and the survey invitations per client group (ADR 018).
import type { OrgScope } from '../server/context.ts';
import { rebuildStageMoney } from '../server/modules/economics/index.ts';
import { rebuildTransactionRollups } from '../server/modules/economics/rollups.service.ts';
import {
  rebuildReportCounts,
  rebuildScoreGroups,
  rebuildScoreMonths,
} from '../server/modules/feedback/index.ts';
import { rebuildCaseRollup } from '../server/modules/cases/index.ts';
import { rebuildCallRollup } from '../server/modules/telephony/index.ts';
import { rebuildInviteGroups } from '../server/modules/surveys/index.ts';

export async function rebuildBenchRollups(s: OrgScope): Promise<void> {
  await rebuildTransactionRollups(s);
  await rebuildStageMoney(s);
  await rebuildScoreMonths(s);
  await rebuildScoreGroups(s);
  await rebuildReportCounts(s);
  await rebuildCaseRollup(s);
  await rebuildCallRollup(s);
  await rebuildInviteGroups(s);
}

// The scorecard's rollups a bulk load must rebuild after writing rows directly (bench/scorecard.ts).
import type { OrgScope } from '../server/context.ts';

export async function rebuildBenchRollups(_s: Pick<OrgScope, 'db' | 'orgId'>): Promise<void> {}

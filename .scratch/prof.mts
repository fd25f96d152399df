import { loadConfig } from '../server/config.ts';
import { createDeps } from '../server/deps.ts';
import { createLogger } from '../server/lib/logger.ts';
import * as rollups from '../server/modules/economics/rollups.repo.ts';
import { decodeMonths } from '../server/modules/economics/month-set.ts';
import { rollupSeries } from '../server/modules/economics/rollup-figures.ts';
const url = process.argv[2]!;
const deps = createDeps(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), { log: createLogger('silent') });
const org = (await deps.db.selectFrom('orgs').select('id').executeTakeFirstOrThrow()).id;
for (let round = 0; round < 10; round++) {
  let t = performance.now();
  const rows = await rollups.allClientRollups(deps.db, org);
  const tq = performance.now() - t; t = performance.now();
  const clients = rows.map((c) => ({ saleMonths: c.sale_months, feedbackMonths: c.feedback_months }));
  const td = performance.now() - t; t = performance.now();
  const months = await rollups.orgMonths(deps.db, org, 0, 99999);
  const due = await rollups.dueMonths(deps.db, org, 0, 99999);
  const tm = performance.now() - t; t = performance.now();
  const d = { months: new Map(months.map((m) => [Number(m.month), m])), due, clients, spend: [], churnAfterPeriods: null };
  rollupSeries({ from: '2025-12-01', to: '2026-12-01' }, 'month', d);
  const ts = performance.now() - t;
  t = performance.now();
  rollupSeries({ from: '2025-12-01', to: '2026-12-01' }, 'month', { ...d, clients: [] });
  const te = performance.now() - t;
  console.log({ te, due: due.length, months: months.length });
  console.log({ rows: rows.length, tq, td, tm, ts, sample: rows[0] });
}
process.exit(0);

// Intake's group commit on /metrics: how many records shared a transaction, how many ran alone,
// and (SQLite) how many requests each WAL fdatasync served. Read at scrape time from the counters
// group-commit.ts and wal-sync.ts keep anyway: nothing is added to a request's path.
import { Counter, Gauge, type Registry } from 'prom-client';
import { walSyncFor } from '../../db/wal-sync.ts';
import type { Deps } from '../../deps.ts';
import { groupCommitFor } from './group-commit.ts';

export function registerIntakeMetrics(registry: Registry, deps: Deps): void {
  const total = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  const stats = () => groupCommitFor(deps.db).stats;
  total(
    'clientloop_intake_group_commits_total',
    'Intake transactions shared by more than one record',
    () => stats().groups,
  );
  total(
    'clientloop_intake_grouped_records_total',
    'Records committed in a shared intake transaction',
    () => stats().grouped,
  );
  total(
    'clientloop_intake_alone_records_total',
    'Records committed alone (a lone arrival, or the retry after a failed group)',
    () => stats().alone,
  );
  new Gauge({
    name: 'clientloop_intake_groups_in_flight_peak',
    help: 'Most intake groups in flight at once since start (1 on SQLite)',
    registers: [registry],
    collect() {
      this.set(stats().peakInFlight);
    },
  });
  const wal = walSyncFor(deps.db);
  if (!wal) return;
  total(
    'clientloop_sqlite_wal_syncs_total',
    'fdatasync calls of the SQLite WAL made to acknowledge intake',
    () => wal.stats.syncs,
  );
  total(
    'clientloop_sqlite_wal_sync_requests_total',
    'Intake commits that waited for a WAL fdatasync (several share one)',
    () => wal.stats.requests,
  );
}

// Shared by the import tests: one app and organisation per describe, and the calls a test makes
// (upload, validate, commit) and reads back (the records of an import, acknowledgements queued).
import { afterAll, beforeAll } from 'vitest';
import {
  call,
  createTestApp,
  createTestOrg,
  type TestApp,
  type TestOrg,
} from '../../../tests/support/app.ts';
import type { Dialect } from '../../db/create-db.ts';

/** Call inside a describe: creates the app before its tests and closes it after. */
export function importsKit(dialect: Dialect) {
  let t: TestApp;
  let org: TestOrg;
  beforeAll(async () => {
    t = await createTestApp({ dialect });
    org = await createTestOrg(t.deps, 'Ромашка');
  });
  afterAll(async () => t?.close());

  const upload = (
    body: string | Buffer,
    type = 'text/csv',
    filename = 'feedback.csv',
    target?: 'feedback' | 'clients' | 'transactions' | 'kpis',
  ) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports?filename=${encodeURIComponent(filename)}${target ? `&target=${target}` : ''}`,
      headers: { 'content-type': type },
      payload: body,
    });
  const validate = (id: string, mapping: object) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports/${id}/validate`,
      payload: { mapping },
    });
  const commit = (id: string, mapping: object, acknowledge?: boolean) =>
    call(t.app, org.apiKey, {
      method: 'POST',
      url: `/api/v1/imports/${id}/commit`,
      payload: { mapping, ...(acknowledge === undefined ? {} : { acknowledge }) },
    });
  // raw is jsonb on PostgreSQL and text on SQLite, so the import id is matched here, not in SQL.
  const feedbackOf = async (importId: string) =>
    (
      await t.deps.db
        .selectFrom('feedback')
        .selectAll()
        .where('org_id', '=', org.orgId)
        .orderBy('received_at')
        .orderBy('id')
        .execute()
    ).filter((r) => String(r.raw).includes(importId));
  const ackCount = async () =>
    (
      await t.deps.db
        .selectFrom('messages')
        .select('id')
        .where('org_id', '=', org.orgId)
        .where('kind', '=', 'ack')
        .execute()
    ).length;

  const post = (url: string, payload: object) =>
    call(t.app, org.apiKey, { method: 'POST', url, payload });

  return {
    upload,
    post,
    validate,
    commit,
    feedbackOf,
    ackCount,
    get t() {
      return t;
    },
    get org() {
      return org;
    },
  };
}

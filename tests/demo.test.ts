// npm run demo through its real entry point: it loads the Russian demo organisation once.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/db/create-db.ts';
import { PG_URL, testDialects } from './support/db.ts';

const exec = promisify(execFile);
const created: string[] = [];

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const db of created) await admin(`drop database if exists ${db} with (force)`);
});

describe.each(testDialects())('npm run demo on %s', (dialect) => {
  it('loads clients, a year of feedback and cases in Russian, once', async () => {
    let url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'cl-demo-')), 'demo.db')}`;
    if (dialect === 'postgres') {
      const name = `cl_demo_${randomBytes(4).toString('hex')}`;
      await admin(`create database ${name}`);
      created.push(name);
      url = PG_URL.replace(/\/[^/]*$/, `/${name}`);
    }
    const run = () =>
      exec(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/demo/load-demo.ts'], {
        env: { ...process.env, DATABASE_URL: url },
      });
    const first = await run();
    expect(first.stdout).toMatch(/loaded: 14 clients, 420 feedback records/);
    expect((await run()).stdout).toMatch(/already loaded/);
    const h = createDb(url);
    try {
      const feedback = await h.db.selectFrom('feedback').select(['text', 'case_id']).execute();
      expect(feedback).toHaveLength(420);
      expect(feedback.some((f) => /[а-я]/i.test(f.text ?? ''))).toBe(true);
      const cases = await h.db.selectFrom('cases').select('status').execute();
      expect(cases.length).toBeGreaterThan(50);
      expect(cases.some((c) => c.status === 'resolved')).toBe(true);
      expect(cases.some((c) => c.status !== 'resolved')).toBe(true);
    } finally {
      await h.close();
    }
  }, 120_000);
});

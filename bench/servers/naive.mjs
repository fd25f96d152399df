// The baseline of issue 6: a naive Fastify + better-sqlite3 server inserting one row per request
// (WAL, synchronous=NORMAL as such servers usually run, no auth, no validation, no idempotency).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';

const db = new Database(join(mkdtempSync(join(tmpdir(), 'cl-naive-')), 'naive.db'));
db.pragma('journal_mode = WAL');
db.exec(
  'create table feedback (id text primary key, body text not null, created_at text not null)',
);
const insert = db.prepare('insert into feedback (id, body, created_at) values (?, ?, ?)');
const app = Fastify();
app.post('/api/v1/feedback', async (req, reply) => {
  const id = randomUUID();
  insert.run(id, JSON.stringify(req.body), new Date().toISOString());
  return reply.status(201).send({ id });
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`READY ${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));

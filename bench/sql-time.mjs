// Preload (node --import) that times every better-sqlite3 statement by its SQL text and prints the
// 15 costliest to stderr on SIGTERM. bench/mail-drain.ts uses it with BENCH_SQL_TIME=1.
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/package.json');
const Database = require('better-sqlite3');
const stats = new Map();
const origPrepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const st = origPrepare.call(this, sql);
  for (const m of ['run', 'all', 'get', 'iterate']) {
    const f = st[m];
    if (typeof f !== 'function') continue;
    st[m] = function (...a) {
      const t = process.hrtime.bigint();
      try {
        return f.apply(this, a);
      } finally {
        const d = Number(process.hrtime.bigint() - t) / 1e6;
        const k = sql.slice(0, 160);
        const s = stats.get(k) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += d;
        stats.set(k, s);
      }
    };
  }
  return st;
};
process.on('SIGTERM', () => {
  const top = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15);
  for (const [k, s] of top) process.stderr.write(`SQL ${s.ms.toFixed(0)}ms n=${s.n} ${k}\n`);
});

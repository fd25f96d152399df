// Once per test run: build the web UI if it is missing or older than its sources, so the
// browser tests always drive the current code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const index = 'dist/web/index.html';
  if (!existsSync('web/index.html') || process.env.SKIP_WEB_BUILD === '1') return;
  const sources = Math.max(newestMtime('web'), newestMtime('shared'));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

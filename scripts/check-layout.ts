// Layout rules `npm run lint` enforces beside the module graph (ADR 008): every tracked file at
// most four folders deep from the repository root (server/modules/cases/cases.service.ts is the
// deepest a file may be), and every source file at most 300 lines. Prints each breach.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const MAX_DEPTH = 4;
export const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx|mjs|cjs|js)$/;

export function layoutBreaches(files: { path: string; text?: string }[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    const depth = f.path.split('/').length;
    if (depth > MAX_DEPTH) out.push(`${f.path}: ${depth} levels deep (at most ${MAX_DEPTH})`);
    if (f.text !== undefined && SOURCE.test(f.path)) {
      const lines = f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0);
      if (lines > MAX_LINES) out.push(`${f.path}: ${lines} lines (at most ${MAX_LINES})`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  const files = tracked.map((path) => ({
    path,
    text: SOURCE.test(path) ? readFileSync(path, 'utf8') : undefined,
  }));
  const breaches = layoutBreaches(files);
  for (const b of breaches) console.error(b);
  console.log(`layout: ${files.length} files, ${breaches.length} breaches`);
  process.exit(breaches.length ? 1 : 0);
}

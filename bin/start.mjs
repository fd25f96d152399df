#!/usr/bin/env node
// `npm start`: build the web UI if it is missing, then run the server (TypeScript through tsx).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = `${root}node_modules/.bin/vite`;
if (!existsSync(`${root}dist/web/index.html`)) {
  if (existsSync(vite)) {
    process.stderr.write('Building the web UI (first start)…\n');
    execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  } else {
    process.stderr.write(
      'dist/web is missing and vite is not installed (npm ci without dev dependencies?): serving the API only.\n',
    );
  }
}
register();
const { main } = await import('../server/main.ts');
await main();

// Writes docs/api/openapi.json from the routes' schemas (npm run openapi). A test keeps it fresh.
import { writeFileSync } from 'node:fs';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createDeps } from '../server/deps.ts';
import { createLogger } from '../server/lib/logger.ts';

export async function generateOpenApi(): Promise<string> {
  const deps = createDeps(
    loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost:3000',
    }),
    { log: createLogger('silent') },
  );
  const app = await buildApp(deps, { serveWeb: false });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await deps.dbHandle.close();
  }
}

if (process.argv[1]?.endsWith('dump-openapi.ts')) {
  const doc = await generateOpenApi();
  writeFileSync(new URL('../docs/api/openapi.json', import.meta.url), doc);
  process.stdout.write('docs/api/openapi.json written\n');
}

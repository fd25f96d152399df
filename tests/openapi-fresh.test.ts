import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../scripts/dump-openapi.ts';

describe('docs/api/openapi.json', () => {
  it('matches the routes (run `npm run openapi` after changing an API)', async () => {
    const committed = readFileSync(new URL('../docs/api/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await generateOpenApi());
  });
});

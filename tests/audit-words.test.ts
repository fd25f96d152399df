// Every audit action the server records has words in both catalogues, so the audit log never
// falls back to a code: the actions are read from the recordAudit calls in the source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../shared/i18n/en.json' with { type: 'json' };
import ru from '../shared/i18n/ru.json' with { type: 'json' };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sources(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

const recorded = new Set<string>();
for (const file of sources(join(import.meta.dirname, '../server')))
  for (const m of readFileSync(file, 'utf8').matchAll(
    /recordAudit\(\s*[^,]+,\s*'([a-z_]+(?:\.[a-z_]+)+)'/g,
  ))
    recorded.add(m[1]!);

describe('audit actions in words', () => {
  it('finds the actions the server records', () => {
    expect(recorded.size).toBeGreaterThan(30);
    expect(recorded).toContain('case.updated');
  });

  it.each([
    ['ru', ru],
    ['en', en],
  ])('has a %s text for each of them', (_lang, catalogue) => {
    const actions = (catalogue as { audit: { actions: Record<string, string> } }).audit.actions;
    const missing = [...recorded].filter((a) => !actions[a.replace(/\./g, '_')]);
    expect(missing).toEqual([]);
  });
});

// The Russian and English interface texts must stay in step: same keys, same placeholders,
// nothing empty, and a translated message for every error code the server can send.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../shared/api/errors.ts';
import { MESSAGE_KINDS, MESSAGE_STATUSES } from '../shared/domain/vocabulary.ts';
import en from '../shared/i18n/en.json';
import { mergeCatalogues } from '../shared/i18n/merge.ts';
import ru from '../shared/i18n/ru.json';
import { SERVER_TEXTS } from '../server/i18n/catalogue.ts';

type Tree = { [key: string]: string | Tree };

/** Flattens nested translations into dotted keys → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const merged = mergeCatalogues(
  { ru: ru as Tree, en: en as Tree },
  import.meta.glob<{ default: Tree }>('../shared/i18n/modules/*.json', { eager: true }),
);
const catalogues = { ru: flatten(merged.ru), en: flatten(merged.en) };

/** Per language, the keys that the other languages have and it lacks. */
function missingKeys(cats: Record<string, Map<string, string>>): Record<string, string[]> {
  const all = new Set(Object.values(cats).flatMap((c) => [...c.keys()]));
  return Object.fromEntries(
    Object.entries(cats).map(([lng, c]) => [lng, [...all].filter((k) => !c.has(k)).sort()]),
  );
}

describe('interface translations', () => {
  it('ru and en have exactly the same keys', () => {
    expect(catalogues.ru.size).toBeGreaterThan(100);
    expect(missingKeys(catalogues)).toEqual({ ru: [], en: [] });
  });

  it('the key check reports a key missing in one language (a planted broken copy)', () => {
    const [key] = [...catalogues.ru.keys()].filter((k) => k.startsWith('errors.'));
    const en = new Map(catalogues.en);
    expect(en.delete(key!)).toBe(true);
    expect(missingKeys({ ru: catalogues.ru, en })).toEqual({ ru: [], en: [key] });
    // Nested the way the JSON files are: a sub-tree missing in one language counts per leaf.
    const planted = {
      ru: flatten({ menu: { cases: 'Обращения', clients: 'Клиенты' } }),
      en: flatten({ menu: { cases: 'Cases' } }),
    };
    expect(missingKeys(planted)).toEqual({ ru: [], en: ['menu.clients'] });
  });

  it('every key uses the same {{placeholders}} in ru and en', () => {
    const mismatched = [...catalogues.ru].filter(([key, text]) => {
      const other = catalogues.en.get(key);
      return other !== undefined && placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('has no empty texts', () => {
    for (const [lng, catalogue] of Object.entries(catalogues)) {
      const empty = [...catalogue].filter(([, text]) => text.trim() === '').map(([key]) => key);
      expect(empty, lng).toEqual([]);
    }
  });

  it('names every message kind and status in both languages (the message lists show them)', () => {
    for (const [lng, catalogue] of Object.entries(catalogues)) {
      const missing = [
        ...MESSAGE_KINDS.map((kind) => `templates.kinds.${kind}`),
        ...MESSAGE_STATUSES.map((status) => `templates.messageStatus.${status}`),
      ].filter((key) => !catalogue.has(key));
      expect(missing, lng).toEqual([]);
    }
  });

  it('translates every server error code in both languages', () => {
    for (const [lng, catalogue] of Object.entries(catalogues)) {
      const missing = ERROR_CODES.filter((code) => !catalogue.has(`errors.${code}`));
      expect(missing, lng).toEqual([]);
    }
  });

  it('reads placeholders the way the interface writes them', () => {
    expect([...flatten({ a: { b: 'x' } }).keys()]).toEqual(['a.b']);
    expect(placeholders('Hello, {{name}} and {{ org }}')).toEqual(['name', 'org']);
  });
});

// The server's own catalogue (e-mails, public pages: server/i18n/catalogue.ts), held to the same rules.
describe('server texts', () => {
  const server = { ru: flatten(SERVER_TEXTS.ru as Tree), en: flatten(SERVER_TEXTS.en as Tree) };

  it('ru and en have exactly the same keys, and there are some', () => {
    expect(server.ru.size).toBeGreaterThan(50);
    expect([...server.en.keys()].sort()).toEqual([...server.ru.keys()].sort());
  });

  it('every key uses the same {{placeholders}} in ru and en, and no text is empty', () => {
    const mismatched = [...server.ru].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(server.en.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
    for (const catalogue of Object.values(server))
      expect([...catalogue].filter(([, text]) => text.trim() === '')).toEqual([]);
  });
});

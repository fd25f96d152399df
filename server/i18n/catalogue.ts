// The one catalogue of server-side texts (e-mails, public pages, exported tables), ru and en, read through
// t(locale, key, vars). Each area keeps its texts in texts/<area>.ts; they are merged here under
// their top-level keys. tests/i18n-parity.test.ts holds ru and en to the same keys and
// placeholders, as it does for the interface texts in shared/i18n.
import type { Language } from '../../shared/domain/vocabulary.ts';
import { exportTexts } from './texts/exports.ts';
import { auditExportTexts } from './texts/audit-export.ts';
import { listExportTexts } from './texts/list-exports.ts';
import { mailTexts } from './texts/mail.ts';
import { publicPageTexts } from './texts/public-pages.ts';
import { unsubscribeTexts } from './texts/unsubscribe.ts';
import { pulseTexts } from './texts/pulse.ts';
import { reportTexts } from './texts/reports.ts';

const ru = {
  ...publicPageTexts.ru,
  ...pulseTexts.ru,
  ...mailTexts.ru,
  ...exportTexts.ru,
  listExports: { ...listExportTexts.ru.listExports, ...auditExportTexts.ru.listExports },
  ...unsubscribeTexts.ru,
  ...reportTexts.ru,
};
const en: typeof ru = {
  ...publicPageTexts.en,
  ...pulseTexts.en,
  ...mailTexts.en,
  ...exportTexts.en,
  listExports: { ...listExportTexts.en.listExports, ...auditExportTexts.en.listExports },
  ...unsubscribeTexts.en,
  ...reportTexts.en,
};

export type TextTree = { readonly [key: string]: string | TextTree };

/** Every dotted key of a leaf text: 'status.rateTitle', 'templates.ack.subject', … */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TextKey = Leaves<typeof ru>;

/** The catalogue as nested trees, for the parity test. */
export const SERVER_TEXTS: Record<Language, TextTree> = { ru, en };

function flatten(tree: TextTree, prefix = '', out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const FLAT: Record<Language, Map<string, string>> = { ru: flatten(ru), en: flatten(en) };

/**
 * The text of `key` in `locale`. {{name}} placeholders named in `vars` are filled; the others are
 * left as they are, so message templates come back raw for the template renderer and the UI.
 */
export function t(
  locale: Language,
  key: TextKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const text = FLAT[locale].get(key);
  if (text === undefined) throw new Error(`No server text ${key} in ${locale}`);
  if (!vars) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

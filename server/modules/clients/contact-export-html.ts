// A contact's data export as one readable, self-contained HTML page (issue 19): the contact, its
// client and each module's section as a table per record, in ru or en. Every value is escaped.
import { html, publicPage, raw, type Raw } from '../../http/html.ts';
import { SERVER_TEXTS, t, type TextTree } from '../../i18n/catalogue.ts';
import type { ContactExport } from './contact-rights.service.ts';

type Lang = 'ru' | 'en';

const TABLE_STYLE = raw(
  `<style>main{max-width:60rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}` +
    `th,td{border:1px solid #dee2e6;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}td{white-space:pre-wrap}` +
    `th{background:#f1f3f5;width:30%;font-weight:600}h2{font-size:1.1rem;margin:1.5rem 0 .25rem}</style>`,
);

/** A field's words in the page's language; an unknown field (a new module's) shows its key. */
function label(lang: Lang, key: string): string {
  const fields = (SERVER_TEXTS[lang]['privacy'] as TextTree)['fields'] as TextTree;
  const word = fields[key];
  return typeof word === 'string' ? word : key;
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v))
    return v
      .map((x) =>
        x !== null && typeof x === 'object'
          ? Object.values(x)
              .filter((y) => y !== null && y !== '')
              .join(' · ')
          : String(x),
      )
      .join('\n');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function recordTable(lang: Lang, item: Record<string, unknown>): Raw {
  const rows = Object.entries(item).map(
    ([k, v]) => html`<tr><th scope="row">${label(lang, k)}</th><td>${valueText(v)}</td></tr>`,
  );
  return html`<table><thead><tr><th>${t(lang, 'privacy.field')}</th><th>${t(lang, 'privacy.value')}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function contactExportPage(data: ContactExport, lang: Lang): string {
  const name =
    typeof data.contact['name'] === 'string' && data.contact['name']
      ? data.contact['name']
      : t(lang, 'privacy.erasedName');
  const title = t(lang, 'privacy.title', { name });
  const sections = data.sections.map(
    (s) => html`<section><h2>${s.title[lang]}</h2>
      <p class="muted">${t(lang, 'privacy.count', { n: s.items.length })}</p>
      ${s.items.length === 0 ? html`<p>${t(lang, 'privacy.empty')}</p>` : s.items.map((i) => recordTable(lang, i))}</section>`,
  );
  const body = html`${TABLE_STYLE}<h1>${title}</h1>
    <p class="muted">${t(lang, 'privacy.exportedAt', { at: data.exportedAt })}</p>
    <h2>${t(lang, 'privacy.contact')}</h2>${recordTable(lang, data.contact)}
    <h2>${t(lang, 'privacy.client')}</h2>${recordTable(lang, data.client)}
    ${sections}`;
  return publicPage({ lang, title, body });
}

// Server-rendered public pages (status, surveys): no JavaScript, no third-party requests,
// readable on a phone, in the visitor's language.
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** Tagged template that escapes every interpolated value unless it is wrapped in raw(). */
export interface Raw {
  __html: string;
}
export const raw = (html: string): Raw => ({ __html: html });

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const piece = Array.isArray(v)
      ? v.map((x) => (isRaw(x) ? x.__html : escapeHtml(String(x)))).join('')
      : isRaw(v)
        ? v.__html
        : escapeHtml(String(v ?? ''));
    out += piece + (strings[i + 1] ?? '');
  });
  return raw(out);
}

function isRaw(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && '__html' in v;
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1a1b1e}
main{max-width:34rem;margin:0 auto;padding:1.5rem 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:0 0 .75rem}
p{line-height:1.5}
.muted{color:#5c5f66;font-size:.9rem}
.badge{display:inline-block;padding:.2rem .6rem;border-radius:999px;background:#e7f5ff;color:#1864ab;font-weight:600}
.scores{display:flex;flex-wrap:wrap;gap:.4rem;margin:1rem 0}
.scores a,.scores button{min-width:2.6rem;min-height:2.6rem;border-radius:8px;border:1px solid #ced4da;background:#fff;font-size:1.05rem;text-align:center;line-height:2.6rem;text-decoration:none;color:#1a1b1e;padding:0 .5rem;cursor:pointer}
.scores label{display:inline-flex;align-items:center;justify-content:center;min-width:2.6rem;min-height:2.6rem;border:1px solid #ced4da;border-radius:8px;background:#fff;cursor:pointer}
.scores input{position:absolute;opacity:0}
.scores input:checked+span{font-weight:700;color:#1864ab}
textarea{width:100%;min-height:6rem;box-sizing:border-box;font:inherit;padding:.5rem;border-radius:8px;border:1px solid #ced4da}
.submit{margin-top:1rem;padding:.7rem 1.2rem;border:0;border-radius:8px;background:#228be6;color:#fff;font-size:1rem;cursor:pointer}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.lang{text-align:right;font-size:.85rem;margin:0 0 .5rem}
.lang a{color:#1864ab}
.error{color:#c92a2a}
`;

export function publicPage(opts: {
  lang: 'ru' | 'en';
  title: string;
  body: Raw;
  langLinks?: { ru: string; en: string };
}): string {
  const switcher = opts.langLinks
    ? html`<nav class="lang"><a href="${opts.langLinks.ru}" lang="ru">Русский</a> · <a href="${opts.langLinks.en}" lang="en">English</a></nav>`
    : raw('');
  return `<!doctype html>${html`<html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${opts.title}</title><style>${raw(STYLE)}</style></head><body><main>${switcher}<div class="card">${opts.body}</div></main></body></html>`.__html}`;
}

/** ru or en from ?lang=, else from Accept-Language, else the fallback. */
export function pickLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  fallback: 'ru' | 'en',
): 'ru' | 'en' {
  if (query === 'ru' || query === 'en') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  if (first === 'ru' || first === 'en') return first;
  return fallback;
}

/** A score scale as radio buttons; the selected score is visible at a glance, also on a phone
 * in sunlight. Used by the survey pages and the follow-up rating. */
export const SCORE_SCALE_STYLE = `.scores label:has(input:checked){background:#228be6;border-color:#228be6}
.scores input:checked+span{color:#fff}
.scores input:focus-visible+span{outline:2px solid #1864ab;outline-offset:4px}`;

export function scoreRadios(scores: readonly number[], selected: number | undefined): Raw[] {
  // One line per input: the tests and assistive tech read `value="N" required checked` as is.
  // prettier-ignore
  return scores.map(
    (n) => html`<label><input type="radio" name="score" value="${n}" required${raw(selected === n ? ' checked' : '')}><span>${n}</span></label>`,
  );
}

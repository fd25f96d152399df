// Every page of the running app at 1280 and 390 px, in Russian and English, as full-page PNGs,
// with what a person would notice flagged beside them: console errors, sideways scroll, a raw
// UUID or snake_case key in the visible text, an ISO timestamp. Meant to be run against
// `npm run demo` data:
//   npm run demo && npm start &   then   npm run screenshots
// Options (environment): BASE_URL (http://127.0.0.1:3000), LOGIN_EMAIL / LOGIN_PASSWORD (the demo
// account), OUT (screenshots/), ONLY (a regular expression over paths). Writes OUT/report.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const EMAIL = process.env.LOGIN_EMAIL ?? 'demo@clientloop.local';
const PASSWORD = process.env.LOGIN_PASSWORD ?? 'demo-password-2026';
const OUT = process.env.OUT ?? 'screenshots';
const ONLY = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
const WIDTHS = [1280, 390] as const;
/** The page table's keys, read from its source so this script needs no browser bundle. */
const PAGES = [
  ...readFileSync(new URL('../web/routes.tsx', import.meta.url), 'utf8').matchAll(
    /^  '(\/[^']*)': /gm,
  ),
].map((m) => m[1]!);
const LANGUAGES = ['ru', 'en'] as const;

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const SNAKE_KEY = /\b[a-z]+(?:_[a-z]+)+\b/;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Finding {
  path: string;
  width: number;
  lang: string;
  file: string;
  notes: string[];
}

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(BASE);
  await page.locator('input[name=email]').fill(EMAIL);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('org-name').waitFor({ timeout: 15_000 });
  return page;
}

/** The first id of a list endpoint, to fill a `:id` route; undefined when the list is empty. */
async function firstId(page: Page, url: string, field = 'id'): Promise<string | undefined> {
  const response = await page.request.get(`${BASE}${url}`);
  if (!response.ok()) return undefined;
  const body = (await response.json()) as Record<string, unknown>;
  const list = (body.items ?? body.data ?? body.stages ?? body) as Record<string, unknown>[];
  const first = Array.isArray(list) ? list[0] : undefined;
  const value = first?.[field];
  return typeof value === 'string' ? value : undefined;
}

async function concretePaths(page: Page): Promise<string[]> {
  const fill: Record<string, string | undefined> = {
    '/cases/:id': await firstId(page, '/api/v1/cases?limit=1'),
    '/clients/:id': await firstId(page, '/api/v1/clients?limit=1'),
    '/feedback/:id': await firstId(page, '/api/v1/feedback?limit=1'),
    '/stages/:id': await firstId(page, '/api/v1/stages'),
    '/scorecard/stages/:key': await firstId(page, '/api/v1/stages', 'key'),
    '/backlog/:id': await firstId(page, '/api/v1/initiatives?limit=1'),
  };
  const paths: string[] = [];
  for (const pattern of PAGES) {
    if (!pattern.includes(':')) paths.push(pattern);
    else if (fill[pattern]) paths.push(pattern.replace(/:[a-z]+/, fill[pattern]!));
    else console.warn(`skipped ${pattern}: nothing to show`);
  }
  return paths.filter((p) => p !== '/' && (!ONLY || ONLY.test(p)));
}

async function shoot(page: Page, path: string, width: number, lang: string): Promise<Finding> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(m.text());
  };
  page.on('console', onConsole);
  await page.goto(`${BASE}${path}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300); // charts animate in
  const file = `${path.replace(/\//g, '_').replace(/^_/, '') || 'home'}-${width}-${lang}.png`;
  await page.screenshot({ path: join(OUT, file), fullPage: true });
  const seen = await page.evaluate(() => ({
    text: document.body.innerText,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  }));
  page.off('console', onConsole);
  const notes = errors.map((e) => `console error: ${e.slice(0, 200)}`);
  if (seen.overflow > 1) notes.push(`scrolls sideways by ${seen.overflow} px`);
  for (const [name, pattern] of [
    ['raw id', UUID],
    ['snake_case key', SNAKE_KEY],
    ['ISO time', ISO_TIME],
  ] as const) {
    const match = pattern.exec(seen.text);
    if (match) notes.push(`${name} in the text: "${match[0]}"`);
  }
  return { path, width, lang, file, notes };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const findings: Finding[] = [];
  try {
    for (const lang of LANGUAGES) {
      for (const width of WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        await context.addInitScript((l) => localStorage.setItem('cl.lang', l), lang);
        const page = await signIn(context);
        for (const path of await concretePaths(page)) {
          findings.push(await shoot(page, path, width, lang));
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const flagged = findings.filter((f) => f.notes.length > 0);
  const lines = [
    `# Screenshots of ${BASE}`,
    '',
    `${findings.length} pages shot, ${flagged.length} with something to look at.`,
    '',
    ...flagged.flatMap((f) => [
      `- ${f.path} ${f.width}px ${f.lang} (${f.file})`,
      ...f.notes.map((n) => `  - ${n}`),
    ]),
  ];
  writeFileSync(join(OUT, 'report.md'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

await main();

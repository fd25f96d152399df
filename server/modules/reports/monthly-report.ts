// The monthly report (issue 16): on the first working day of each month (Monday–Friday in the
// organisation's time zone, outside the holidays of its default SLA policy), from 09:00 local
// time, each chosen person gets an e-mail with the previous month's arbiter summary — the three
// stages with the most revenue at risk and what to do — and a link to the page with the PDF and
// XLSX. The outbox's dedupe key (month × person) sends it once even when the hourly job runs
// again or the server was down that morning (it then goes out the next hour it runs).
import { systemCtx, type Ctx } from '../../context.ts';
import type { Deps } from '../../deps.ts';
import { inTransaction } from '../../context.ts';
import { publicUrl } from '../../lib/public-urls.ts';
import type { ArbiterOut } from '../../../shared/api/arbiter.ts';
import { getArbiter } from '../arbiter/index.ts';
import { localParts, orgHolidays } from '../cases/index.ts';
import { baseCurrencyOf } from '../economics/index.ts';
import { queueMessages, type AttachmentRequest } from '../messaging/index.ts';
import type { MailAttachment } from '../../lib/mailer.ts';
import { findOrgUsers, orgTimeZone } from '../orgs/index.ts';
import { renderArbiterPdf } from './arbiter-pdf.ts';
import { formatMoney, formatShare } from './format.ts';
import { reportOptionsOf } from './report-options.ts';
import * as repo from './recipients.repo.ts';

export const MONTHLY_REPORT_JOB = 'reports.monthly';
const SEND_FROM_HOUR = 9;
const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The first Monday–Friday of the month that is not a holiday, YYYY-MM-DD. */
export function firstWorkingDay(year: number, month: number, holidays: readonly string[]): string {
  for (let day = 1; ; day += 1) {
    const date = `${year}-${pad(month)}-${pad(day)}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.includes(date)) return date;
  }
}

function summaryOf(report: ArbiterOut, lang: 'ru' | 'en', currency: string): string {
  const top = report.stages.filter((s) => s.revenueAtRisk > 0 || s.detractorShare).slice(0, 3);
  if (top.length === 0) return lang === 'ru' ? 'Выручки под риском нет.' : 'No revenue at risk.';
  return top
    .map((s) => {
      const name = lang === 'ru' ? s.nameRu : s.nameEn;
      const risk = formatMoney(s.revenueAtRisk, lang, currency);
      const detractors = formatShare(s.detractorShare, lang);
      const advice = s.suggestion
        ? lang === 'ru'
          ? s.suggestion.textRu
          : s.suggestion.textEn
        : null;
      const head =
        lang === 'ru'
          ? `${s.rank}. ${name} — под риском ${risk}, доля критиков ${detractors}`
          : `${s.rank}. ${name} — ${risk} at risk, detractors ${detractors}`;
      return advice ? `${head}\n   ${advice}` : head;
    })
    .join('\n');
}

/** Queues the month's report for one organisation when its day has come; returns how many. */
async function sendFor(deps: Deps, orgId: string): Promise<number> {
  const ctx = systemCtx(deps, orgId);
  const now = deps.clock.now();
  const local = localParts(now.getTime(), await orgTimeZone(ctx));
  const today = `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  const sendDay = firstWorkingDay(local.year, local.month, await orgHolidays(ctx));
  if (today < sendDay || (today === sendDay && local.hour < SEND_FROM_HOUR)) return 0;
  const previous = local.month === 1 ? [local.year - 1, 12] : [local.year, local.month - 1];
  const from = `${previous[0]}-${pad(previous[1]!)}-01`;
  const to = `${local.year}-${pad(local.month)}-01`;
  const people = await findOrgUsers(ctx, { ids: await repo.listRecipientIds(deps.db, orgId) });
  if (people.length === 0) return 0;
  const report = await getArbiter(ctx, { from, to });
  const currency = await baseCurrencyOf(ctx);
  return inTransaction(
    ctx,
    async (tx) =>
      (
        await queueMessages(
          tx,
          people
            .filter((p) => p.disabled_at === null)
            .map((p) => {
              const lang = p.language;
              const month = `${(lang === 'ru' ? MONTHS_RU : MONTHS_EN)[previous[1]! - 1]} ${previous[0]}`;
              return {
                kind: 'monthly_report' as const,
                to: p.email,
                language: lang,
                vars: {
                  name: p.name,
                  month,
                  summary: summaryOf(report, lang, currency),
                  reportUrl: publicUrl(deps.config, `/arbiter?from=${from}&to=${to}`),
                },
                dedupeKey: `monthly_report:${from}:${p.id}`,
              };
            }),
        )
      ).length,
  );
}

const KEY = /:monthly_report:(\d{4})-(\d{2})-01:/;

/**
 * The arbiter report of the message's month as a PDF, made when the mail goes out (the month is
 * in the key it was queued under). The stored report of that window is read, so the attachment
 * says what the summary in the text says.
 */
export async function monthlyReportFiles(
  deps: Deps,
  message: AttachmentRequest,
): Promise<MailAttachment[]> {
  const key = KEY.exec(message.dedupeKey);
  if (!key) return [];
  const [year, month] = [Number(key[1]), Number(key[2])];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const ctx = systemCtx(deps, message.orgId);
  const report = await getArbiter(ctx, {
    from: `${year}-${pad(month)}-01`,
    to: `${next[0]}-${pad(next[1]!)}-01`,
  });
  const pdf = await renderArbiterPdf(report, await reportOptionsOf(ctx, message.language));
  const name = message.language === 'ru' ? 'arbitr' : 'arbiter';
  return [
    { filename: `${name}-${year}-${pad(month)}.pdf`, content: pdf, contentType: 'application/pdf' },
  ];
}

export async function sendMonthlyReports(deps: Deps): Promise<number> {
  let queued = 0;
  for (const orgId of await repo.orgsWithRecipients(deps.db)) queued += await sendFor(deps, orgId);
  return queued;
}

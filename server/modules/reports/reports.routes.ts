// GET /api/v1/reports/{scorecard|arbiter}.{pdf|xlsx} (issue 16): the scorecard and the arbiter
// report as files, with the same query parameters as their JSON endpoints (plus `lang`). The
// numbers come from the same services, so a file never says something the page does not.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/arbiter.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { attachment, CONTENT_TYPES } from '../../lib/tabular/write-table.ts';
import { getArbiter } from '../arbiter/index.ts';
import { getScorecard } from '../scorecard/index.ts';
import { renderArbiterPdf } from './arbiter-pdf.ts';
import { renderArbiterXlsx } from './arbiter-xlsx.ts';
import { reportOptionsOf as optionsOf } from './report-options.ts';
import { getReportRecipients, putReportRecipients } from './recipients.service.ts';
import { renderScorecardPdf } from './scorecard-pdf.ts';
import { renderScorecardXlsx } from './scorecard-xlsx.ts';

type Format = 'pdf' | 'xlsx';
const TYPES: Record<Format, string> = { pdf: 'application/pdf', xlsx: CONTENT_TYPES.xlsx };

function send(reply: FastifyReply, bytes: Buffer, format: Format, name: string) {
  return reply
    .type(TYPES[format])
    .header('content-disposition', attachment(name, format))
    .header('cache-control', 'no-store')
    .send(bytes);
}

export function registerReportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  r.get(
    '/api/v1/reports/recipients',
    {
      schema: {
        tags,
        summary: 'Who gets the monthly report e-mail (first working day of each month)',
        response: { 200: api.reportRecipientsOut },
      },
    },
    async (req) => getReportRecipients(ctxOf(deps, req)),
  );
  r.put(
    '/api/v1/reports/recipients',
    {
      schema: {
        tags,
        summary: 'Chooses who gets the monthly report (managers and admins); [] sends it to nobody',
        body: api.putReportRecipientsBody,
        response: { 200: api.reportRecipientsOut },
      },
    },
    async (req) => putReportRecipients(ctxOf(deps, req), req.body.userIds),
  );
  for (const format of ['pdf', 'xlsx'] as const) {
    r.get(
      `/api/v1/reports/scorecard.${format}`,
      {
        schema: {
          tags,
          summary: `The layered scorecard as ${format.toUpperCase()} (query as GET /api/v1/scorecard, plus lang)`,
          querystring: api.scorecardReportQuery,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const { lang, ...q } = req.query;
        const data = await getScorecard(ctx, q);
        const opts = await optionsOf(ctx, lang);
        const bytes =
          format === 'pdf'
            ? await renderScorecardPdf(data, opts)
            : await renderScorecardXlsx(data, opts);
        return send(reply, bytes, format, `scorecard-${data.from}`);
      },
    );
    r.get(
      `/api/v1/reports/arbiter.${format}`,
      {
        schema: {
          tags,
          summary: `The arbiter report as ${format.toUpperCase()} (query as GET /api/v1/arbiter, plus lang)`,
          querystring: api.arbiterReportQuery,
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const { lang, ...q } = req.query;
        const data = await getArbiter(ctx, q);
        const opts = await optionsOf(ctx, lang);
        const bytes =
          format === 'pdf'
            ? await renderArbiterPdf(data, opts)
            : await renderArbiterXlsx(data, opts);
        return send(reply, bytes, format, `arbiter-${data.from}`);
      },
    );
  }
}

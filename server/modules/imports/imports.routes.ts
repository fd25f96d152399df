import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../shared/api/imports.ts';
import { idParam, page } from '../../../shared/api/orgs.ts';
import type { ImportsTable } from '../../db/types.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { pageQuery } from '../../lib/paging.ts';
import * as imports from './imports.service.ts';
import type { ImportSummary } from './imports.service.ts';
import { cleanFilename, FILE_TYPES, fileKindOf } from '../../http/file-upload.ts';
import { numberFormatOf } from './reports.ts';
import { suggestFromSynonyms, suggestMapping } from './suggest-mapping.ts';
import { importTarget } from './targets.ts';

export function presentImportSummary(row: ImportSummary): api.ImportSummaryOut {
  return {
    id: row.id,
    kind: row.kind === 'xlsx' ? 'xlsx' : 'csv',
    target: imports.targetNameOf(row),
    filename: row.filename,
    status: row.status,
    rowCount: row.row_count,
    createdAt: row.created_at,
    committedAt: row.committed_at,
  };
}

export function presentImport(row: ImportsTable): api.ImportOut {
  const table = imports.tableOf(row);
  const stored = imports.storedMappingOf(row);
  const outcome = (
    row.errors ? JSON.parse(row.errors) : { report: null, result: null }
  ) as imports.StoredOutcome;
  const target = importTarget(imports.targetNameOf(row));
  const suggestedMapping =
    target.name === 'feedback'
      ? suggestMapping(table.columns)
      : suggestFromSynonyms(table.columns, target.synonyms);
  return {
    ...presentImportSummary(row),
    columns: table.columns,
    fields: [...target.fields],
    numberFormat: numberFormatOf(target, table, stored.mapping ?? suggestedMapping),
    preview: table.rows.slice(0, api.PREVIEW_ROWS),
    suggestedMapping,
    encoding: stored.source.encoding ?? null,
    delimiter: stored.source.delimiter ?? null,
    mapping: stored.mapping,
    report: outcome.report,
    // Results stored before `updated` existed had none.
    result: outcome.result ? { ...outcome.result, updated: outcome.result.updated ?? 0 } : null,
  };
}

/** The file's own name without any path, control characters or excess length. */
export async function registerImportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const tags = ['imports'];

  // The upload route alone reads raw file bodies (up to 20 MB); every other route stays JSON only,
  // with the server's body limit (a text/plain body is a 415 here too).
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: api.MAX_UPLOAD_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/imports',
      {
        schema: {
          tags,
          summary: `Upload a CSV (text/csv) or XLSX file as the raw body, ?filename=…&target=feedback|clients|transactions; at most ${api.MAX_IMPORT_ROWS} rows. Nothing is imported until commit`,
          querystring: api.uploadQuery,
          response: { 201: api.importOut },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError(
            'unsupported_media_type',
            'Send the file itself as the body (text/csv or XLSX), not JSON',
          );
        const kind = fileKindOf(req.headers['content-type'], req.query.filename, req.body);
        const row = await imports.uploadImport(ctxOf(deps, req), {
          bytes: req.body,
          kind,
          filename: cleanFilename(req.query.filename, kind),
          target: req.query.target,
        });
        return reply.status(201).send(presentImport(row));
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Imports, newest first',
        querystring: pageQuery,
        response: { 200: page(api.importSummaryOut) },
      },
    },
    async (req) => {
      const result = await imports.listImports(ctxOf(deps, req), req.query);
      return { items: result.items.map(presentImportSummary), nextCursor: result.nextCursor };
    },
  );
  r.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import with its first rows and the last report',
        params: idParam,
        response: { 200: api.importOut },
      },
    },
    async (req) => presentImport(await imports.getImport(ctxOf(deps, req), req.params.id)),
  );
  r.post(
    '/api/v1/imports/:id/validate',
    {
      schema: {
        tags,
        summary:
          'What the mapping makes of every row, without writing anything (transactions: the database checks too, rolled back)',
        params: idParam,
        body: api.validateBody,
        response: { 200: api.reportOut },
      },
    },
    async (req) => imports.validateImport(ctxOf(deps, req), req.params.id, req.body.mapping),
  );
  r.post(
    '/api/v1/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Write every row as the import’s target in one transaction, or none (422 with the row errors); a second commit is a 409',
        params: idParam,
        body: api.commitBody,
        response: { 200: api.importOut },
      },
    },
    async (req) => {
      const row = await imports.commitImport(ctxOf(deps, req), req.params.id, req.body.mapping, {
        acknowledge: req.body.acknowledge,
        openCases: req.body.openCases,
      });
      deps.jobs.notify();
      return presentImport(row);
    },
  );
  r.delete(
    '/api/v1/imports/:id',
    { schema: { tags, summary: 'Discard an import that was not committed', params: idParam } },
    async (req, reply) => {
      await imports.discardImport(ctxOf(deps, req), req.params.id);
      return reply.status(204).send();
    },
  );
}

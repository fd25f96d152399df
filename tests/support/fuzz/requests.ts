// One route's plan (plan.ts) → a fast-check arbitrary of whole requests: path parameters, query
// string, body, content type and credentials, each mostly plausible and often hostile.
import fc from 'fast-check';
import { FILE_TYPES } from '../../../server/http/file-upload.ts';
import type { RoutePlan } from './plan.ts';
import { valueArb, type GenContext, type JsonSchema } from './schema-arb.ts';
import {
  hostileString,
  HOSTILE_STRINGS,
  pctEncode,
  RAW_URL_PIECES,
  toJsonPayload,
  wrongType,
} from './values.ts';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface Credentials {
  /** The caller's API key (the organisation whose requests are fuzzed). */
  apiKey: string;
}

const asText = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

function pathValueArb(p: RoutePlan['params'][number], context: GenContext): fc.Arbitrary<string> {
  const ctx = { ...context, inUrl: true };
  return fc.oneof(
    {
      weight: 8,
      arbitrary: bothArb(p.schema, ctx, p.root, p.name).map((v) => pctEncode(asText(v))),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) },
  );
}

/** Half the query strings the schema accepts (to reach the services), half of any form. */
function queryArb(schema: JsonSchema | undefined, ctx: GenContext): fc.Arbitrary<string> {
  return fc.oneof(
    queryOf(schema, { ...ctx, inUrl: true, valid: true }),
    queryOf(schema, { ...ctx, inUrl: true }),
  );
}

function queryOf(schema: JsonSchema | undefined, ctx: GenContext): fc.Arbitrary<string> {
  const props = Object.entries((schema?.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set<string>(schema?.required ?? []);
  const known = props.map(([name, sub]) => {
    const pairs = valueArb(sub, ctx, schema!, name).map((v) =>
      (Array.isArray(v) ? v : [v]).map((item) => `${pctEncode(name)}=${pctEncode(asText(item))}`),
    );
    return ctx.valid && required.has(name) ? pairs : fc.option(pairs, { freq: 2 });
  });
  const extra = ctx.valid
    ? fc.constant(null)
    : fc.option(
        fc
          .tuple(
            fc.constantFrom(
              'limit',
              'cursor',
              'lang',
              'orgId',
              '__proto__',
              'x[y]',
              'a'.repeat(300),
            ),
            fc.oneof(hostileString(false).map(pctEncode), fc.constantFrom(...RAW_URL_PIECES)),
          )
          .map(([k, v]) => [`${pctEncode(k)}=${v}`]),
        { freq: 3 },
      );
  return fc
    .tuple(fc.tuple(...known), extra)
    .map(([pairs, more]) => [...pairs, more].flatMap((p) => p ?? []).join('&'));
}

type Body = { payload?: string | Buffer; contentType?: string };

/** Half the values the schema accepts (to reach the services), half of any form. */
function bothArb(schema: JsonSchema, ctx: GenContext, root: JsonSchema, name?: string) {
  return fc.oneof(
    valueArb(schema, { ...ctx, valid: true }, root, name),
    valueArb(schema, ctx, root, name),
  );
}

function jsonBodyArb(schema: JsonSchema | undefined, ctx: GenContext): fc.Arbitrary<Body> {
  const json = schema ? bothArb(schema, ctx, schema) : fc.oneof(wrongType(), fc.jsonValue());
  return fc.oneof(
    {
      weight: 12,
      arbitrary: json.map((v) => ({ payload: toJsonPayload(v), contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: json.map((v) => ({
        payload: toJsonPayload(v).slice(0, -1),
        contentType: 'application/json; charset=utf-8',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { payload: 'name=x', contentType: 'application/x-www-form-urlencoded' },
        { payload: '<a/>', contentType: 'application/xml' },
        { payload: '{}', contentType: 'application/json; charset=latin1' },
        { payload: '\uFEFF{}', contentType: 'application/json' },
        { payload: '', contentType: 'application/json' },
        {},
      ),
    },
  );
}

function uploadArb(): fc.Arbitrary<Body> {
  const csv = fc
    .array(
      fc.array(fc.oneof(hostileString(), fc.constantFrom(...HOSTILE_STRINGS)), { maxLength: 6 }),
      {
        maxLength: 8,
      },
    )
    .map((rows) =>
      rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'),
    );
  const bytes = fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b));
  return fc
    .tuple(
      fc.constantFrom(...FILE_TYPES),
      fc.oneof(
        csv.map((s) => Buffer.from(s)),
        bytes,
        bytes.map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004'), b])),
      ),
    )
    .map(([contentType, payload]) => ({ contentType, payload }));
}

function formArb(fields: readonly string[]): fc.Arbitrary<Body> {
  const value = fc.oneof(
    fc.constantFrom('0', '5', '10', '11', '-1', '1.5', 'One-Click'),
    hostileString(),
  );
  const pairs = fc
    .tuple(...fields.map((f) => fc.option(value.map((v) => `${pctEncode(f)}=${pctEncode(v)}`))))
    .map((ps) => ps.filter((p): p is string => p !== null));
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(pairs, fc.boolean()).map(([ps, twice]) => ({
        payload: [...ps, ...(twice ? ps : [])].join('&'),
        contentType: 'application/x-www-form-urlencoded',
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { payload: '{"score":5}', contentType: 'application/json' },
        { payload: '--b\r\n', contentType: 'multipart/form-data; boundary=b' },
        { payload: '%%%', contentType: 'application/x-www-form-urlencoded' },
      ),
    },
  );
}

function bodyArb(plan: RoutePlan, ctx: GenContext): fc.Arbitrary<Body> {
  switch (plan.body.kind) {
    case 'json':
      return jsonBodyArb(plan.body.schema, ctx);
    case 'upload':
      return fc.oneof(
        { weight: 6, arbitrary: uploadArb() },
        { weight: 1, arbitrary: jsonBodyArb(undefined, ctx) },
      );
    case 'form':
      return formArb(plan.body.fields);
    default:
      return fc.oneof(
        { weight: 4, arbitrary: fc.constant<Body>({}) },
        { weight: 1, arbitrary: jsonBodyArb(undefined, ctx) },
      );
  }
}

function authArb(creds: Credentials): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant({ authorization: `Bearer ${creds.apiKey}` }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        {},
        { authorization: 'Bearer cl_' + 'x'.repeat(40) },
        { authorization: `Basic ${creds.apiKey}` },
        { authorization: 'Bearer' },
        { cookie: 'cl_session=%ED%A0%80; cl_session=x' },
      ),
    },
  );
}

export function requestArb(
  plan: RoutePlan,
  ctx: GenContext,
  creds: Credentials,
): fc.Arbitrary<FuzzRequest> {
  const params = fc.tuple(...plan.params.map((p) => pathValueArb(p, ctx)));
  const unsafe = plan.method !== 'GET';
  return fc
    .tuple(
      params,
      queryArb(plan.query, ctx),
      unsafe ? bodyArb(plan, ctx) : fc.constant<Body>({}),
      authArb(creds),
      fc.option(fc.constantFrom('k-1', 'x'.repeat(300), ' ', '\u00e9'), { freq: 3 }),
    )
    .map(([values, query, body, auth, idem]) => {
      let i = 0;
      const path = plan.url.replace(/:\w+|\*/g, () => values[i++] ?? '');
      const headers: Record<string, string> = { ...auth };
      if (body.contentType) headers['content-type'] = body.contentType;
      if (idem !== null) headers['idempotency-key'] = idem;
      return {
        method: plan.method,
        url: query ? `${path}?${query}` : path,
        headers,
        ...(body.payload !== undefined ? { payload: body.payload } : {}),
      };
    });
}

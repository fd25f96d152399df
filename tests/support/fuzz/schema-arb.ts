// JSON Schema (as zod renders a route's schema) → a fast-check arbitrary of mostly plausible
// values with hostile ones mixed in at every node: boundary lengths and numbers, wrong types,
// Unicode edge cases, missing and extra properties, and — for every id-like field — the ids of
// another organisation, of the caller's own organisation and of nothing at all.
import fc from 'fast-check';
import { z } from 'zod';
import {
  BAD_DATES,
  BOUNDARY_NUMBERS,
  EMAILS,
  HOSTILE_STRINGS,
  hostileString,
  URLS,
  wrongType,
} from './values.ts';

export type JsonSchema = Record<string, any>;

export interface GenContext {
  /** Ids the requests may name: another organisation's, the caller's own, unknown ones. */
  ids: readonly string[];
  /** Other strings worth naming in a path or a string field (public references, stage keys). */
  words: readonly string[];
  /**
   * Only values the schema accepts (hostile in content, not in form), so the request gets past
   * validation into the services and the database; otherwise any node may be of the wrong form.
   */
  valid?: boolean;
  /** The value goes into a URL: no string longer than a few KiB. */
  inUrl?: boolean;
}

/** A zod schema (or a plain JSON schema) as JSON Schema; undefined when there is none. */
export function jsonSchemaOf(schema: unknown): JsonSchema | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  if (!('_zod' in schema)) return schema as JsonSchema;
  return z.toJSONSchema(schema as z.ZodType, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

const MAX_DEPTH = 6;

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let s = schema;
  for (let i = 0; i < 8 && typeof s.$ref === 'string'; i += 1) {
    const path = (s.$ref as string).replace(/^#\/?/, '').split('/').filter(Boolean);
    s = path.reduce<any>((node, key) => node?.[key], root) ?? {};
  }
  return s;
}

const idLike = (name: string | undefined) => !!name && /(^id$|Ids?$)/.test(name);

/** Values of one schema node; `name` is the property's name, which says when it holds an id. */
export function valueArb(
  schema: JsonSchema,
  ctx: GenContext,
  root: JsonSchema = schema,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if (depth > MAX_DEPTH) return wrongType();
  if (ctx.valid) return plausible(s, ctx, root, name, depth);
  return fc.oneof(
    { weight: 12, arbitrary: plausible(s, ctx, root, name, depth) },
    { weight: 1, arbitrary: wrongType() },
    { weight: 1, arbitrary: hostileString(!ctx.inUrl && depth <= 2) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...BOUNDARY_NUMBERS) },
  );
}

function plausible(
  s: JsonSchema,
  ctx: GenContext,
  root: JsonSchema,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum);
  for (const key of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(s[key]) && s[key].length)
      return fc.oneof(...s[key].map((sub: JsonSchema) => valueArb(sub, ctx, root, name, depth)));
  if (Array.isArray(s.allOf) && s.allOf.length) return allOfArb(s, ctx, root, name, depth);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s, ctx, name);
    case 'integer':
    case 'number':
      return numberArb(s, type === 'integer', ctx.valid);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArb(s, ctx, root, name, depth);
    case 'object':
      return objectArb(s, ctx, root, depth);
    default:
      if (s.properties) return objectArb(s, ctx, root, depth);
      return fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        idLike(name) ? fc.constantFrom(...ctx.ids) : hostileString(!ctx.inUrl && depth <= 2),
      );
  }
}

function allOfArb(
  s: JsonSchema,
  ctx: GenContext,
  root: JsonSchema,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  const parts = (s.allOf as JsonSchema[]).map((p) => resolve(p, root));
  if (parts.every((p) => p.properties || p.type === 'object')) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const p of parts) {
      Object.assign(merged.properties, p.properties ?? {});
      merged.required.push(...(p.required ?? []));
    }
    return objectArb(merged, ctx, root, depth);
  }
  return valueArb(parts[0]!, ctx, root, name, depth + 1);
}

function stringArb(s: JsonSchema, ctx: GenContext, name?: string): fc.Arbitrary<unknown> {
  const min: number = s.minLength ?? 0;
  const max: number = s.maxLength ?? 200;
  const cap = ctx.inUrl ? 2000 : 100_000;
  const boundary = [min > 0 ? 'x'.repeat(min - 1) : '', 'x'.repeat(Math.min(max, cap))];
  if (max < cap) boundary.push('я'.repeat(max + 1));
  // Valid ones are not blank (most text is trimmed) and hold no NUL (refused on every route).
  const fits = HOSTILE_STRINGS.filter(
    (h) =>
      h.length >= min &&
      h.length <= max &&
      !(ctx.valid && (h.includes('\u0000') || (min > 0 && h.trim() === ''))),
  );
  const free: fc.Arbitrary<unknown>[] = [
    fc
      .string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' })
      .filter((v) => !ctx.valid || min === 0 || v.trim().length >= min),
    fc.constantFrom(...(ctx.valid ? boundary.slice(1, 2) : boundary)),
  ];
  if (fits.length) free.push(fc.constantFrom(...fits), fc.constantFrom(...fits));
  if (ctx.words.length) free.push(fc.constantFrom(...ctx.words));
  // A field with a format or a pattern gets values of that form when they are to be valid.
  const formed: fc.Arbitrary<unknown>[] = [];
  const format = String(s.format ?? '');
  if (format === 'uuid' || idLike(name))
    formed.push(fc.constantFrom(...ctx.ids), fc.uuid({ version: [4, 7] }));
  if (format === 'email') formed.push(fc.constantFrom(...EMAILS), fc.emailAddress());
  if (format === 'uri' || format === 'url' || /url$/i.test(name ?? ''))
    formed.push(fc.constantFrom(...URLS));
  if (format.startsWith('date') || /(date|at|from|to|asOf|period)$/i.test(name ?? ''))
    formed.push(
      fc.constantFrom(...(ctx.valid ? ['2026-11-20'] : BAD_DATES)),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => (format === 'date-time' ? d.toISOString() : d.toISOString().slice(0, 10))),
    );
  if (typeof s.pattern === 'string') {
    try {
      formed.push(fc.stringMatching(new RegExp(s.pattern)));
    } catch {
      // A pattern fast-check cannot generate from: the other strings still reach it.
    }
  }
  const options =
    ctx.valid && (format || s.pattern) && formed.length ? formed : [...free, ...formed];
  return fc.oneof(...options);
}

function numberArb(s: JsonSchema, integer: boolean, valid = false): fc.Arbitrary<unknown> {
  const lo = typeof s.minimum === 'number' ? s.minimum : (s.exclusiveMinimum ?? -1e9);
  const hi = typeof s.maximum === 'number' ? s.maximum : (s.exclusiveMaximum ?? 1e9);
  const min = Math.max(lo, -Number.MAX_SAFE_INTEGER);
  const max = Math.min(hi, Number.MAX_SAFE_INTEGER);
  const edges = (valid ? [min, max] : [lo, hi, lo - 1, hi + 1, lo - 0.5, hi + 0.5]).filter(
    Number.isFinite,
  );
  const ints = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  const smallLo = Math.min(Math.max(Math.ceil(min), 0), Math.floor(max));
  return fc.oneof(
    integer ? ints : fc.oneof(ints, fc.double({ min, max, noNaN: true, noDefaultInfinity: true })),
    // Small values: most fields mean counts, scores, money or days.
    fc.integer({ min: smallLo, max: Math.max(smallLo, Math.min(Math.floor(max), 10)) }),
    fc.constantFrom(...edges),
  );
}

function arrayArb(
  s: JsonSchema,
  ctx: GenContext,
  root: JsonSchema,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  const item = s.items
    ? valueArb(s.items, ctx, root, name, depth + 1)
    : fc.jsonValue({ maxDepth: 1 });
  const min: number = s.minItems ?? 0;
  const max: number | undefined = s.maxItems;
  const options: fc.Arbitrary<unknown>[] = [
    fc.array(item, { minLength: min, maxLength: Math.max(min, Math.min(max ?? 4, 4)) }),
  ];
  // One past the cap (a batch of 1001), the same item repeated: cheap to make, costly to accept.
  if (max !== undefined && max < 20_000 && !ctx.valid)
    options.push(
      // Small, valid items (no huge strings): the cap is what is tried, not the memory.
      valueArb(s.items ?? {}, { ...ctx, valid: true, inUrl: true }, root, name, depth + 1).map(
        (v) => Array.from({ length: max + 1 }, () => v),
      ),
    );
  if (min > 0 && !ctx.valid) options.push(fc.constant([]));
  return fc.oneof(...options);
}

function objectArb(
  s: JsonSchema,
  ctx: GenContext,
  root: JsonSchema,
  depth: number,
): fc.Arbitrary<unknown> {
  const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
  const required = new Set<string>(s.required ?? []);
  const fields = props.map(([key, sub]) =>
    fc.tuple(
      fc.constant(key),
      valueArb(sub, ctx, root, key, depth + 1),
      // A required field is left out now and then, an optional one half the time (a quarter
      // when valid: fewer refinements the schema does not show, such as an INN's digits).
      fc
        .integer({ min: 0, max: 19 })
        .map((n) => (required.has(key) ? n > 0 || !!ctx.valid : n >= (ctx.valid ? 15 : 10))),
    ),
  );
  const extra = ctx.valid
    ? fc.constant(null)
    : fc.option(
        fc.tuple(
          fc.constantFrom('__proto__', 'constructor', 'orgId', 'id', 'role', 'unexpected'),
          fc.jsonValue({ maxDepth: 1 }),
        ),
        { freq: 5 },
      );
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, more]) => {
    const out: Record<string, unknown> = {};
    for (const [key, value, present] of entries) if (present) out[key] = value;
    // defineProperty: a "__proto__" key must be an own property, as JSON.parse makes it.
    if (more) Object.defineProperty(out, more[0], { value: more[1], enumerable: true });
    return out;
  });
}

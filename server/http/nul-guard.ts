// No string in a request may hold a NUL (U+0000). PostgreSQL cannot store one in text (a 500
// before this guard, found by tests/fuzz.test.ts) while SQLite would keep it, and no name, text
// or key of ours has a use for it: refused on every route, before validation and any write, as
// 400 validation_failed naming the field (a public page answers its own 400 page).
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

const MAX_DEPTH = 64;

/** Paths like `body.items.0.text` of the strings (values or keys) that contain a NUL. */
export function nulPaths(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (out.length >= 10 || depth > MAX_DEPTH) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}.${i}`, out, depth + 1));
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) out.push(`${path}.${key.replace(/\u0000/g, '\\0')}`);
      else nulPaths(item, `${path}.${key}`, out, depth + 1);
    }
  }
  return out;
}

export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...nulPaths(request.params, 'params'),
      ...nulPaths(request.query, 'query'),
      ...nulPaths(request.body, 'body'),
    ];
    if (paths.length)
      throw new AppError('validation_failed', 'The request contains a NUL character', {
        invalidParams: paths.map((name) => ({ name, reason: 'contains a NUL character' })),
      });
  });
}

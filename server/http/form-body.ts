// HTML form posts (application/x-www-form-urlencoded) for the public pages. Registered only in
// the scopes that take forms, so the JSON API keeps answering 415 to them.
import type { FastifyInstance } from 'fastify';

/** Form fields; a field sent twice becomes a list, which no field accepts (no "last one wins"). */
export function parseForm(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = fields[key];
    fields[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return fields;
}

export function acceptForms(scope: FastifyInstance): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, parseForm(body as string)),
  );
}

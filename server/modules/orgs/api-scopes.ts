// The one table of which API scope each route of /api/v1 needs (issue 19), enforced for every
// API key by the authenticate hook before the route runs. A row names a path prefix (whole
// segments) and the scope of its reads (GET, HEAD) and of its writes; the longest prefix wins.
// A route no row covers is refused to every key, and tests/api-scopes.test.ts fails on it, so a
// new resource cannot ship unmapped. Scopes only narrow a key: its role is still checked by the
// services. `none`: personal routes of a signed-in person, never reachable with a key.
import type { ApiScope } from '../../../shared/domain/api-scopes.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../../lib/permissions.ts';

export type RouteScope = ApiScope | 'none';
type Row = readonly [prefix: string, read: RouteScope, write: RouteScope];

export const ROUTE_SCOPES: readonly Row[] = [
  // The organisation, its people, keys, audit log and settings: admin work.
  ['/api/v1/org', 'read', 'admin'],
  ['/api/v1/users', 'read', 'admin'],
  ['/api/v1/api-keys', 'admin', 'admin'],
  ['/api/v1/audit', 'admin', 'admin'],
  ['/api/v1/me', 'none', 'none'],
  // A person's own saved views of lists (issue 21).
  ['/api/v1/saved-views', 'none', 'none'],
  ['/api/v1/webhooks', 'admin', 'admin'],
  ['/api/v1/templates', 'read', 'admin'],
  ['/api/v1/sla-policies', 'read', 'admin'],
  ['/api/v1/cases/resolution-codes', 'read', 'admin'],
  ['/api/v1/stages', 'read', 'admin'],
  ['/api/v1/pulses', 'read', 'admin'],
  ['/api/v1/strategy', 'read', 'admin'],
  ['/api/v1/text/topics', 'read', 'admin'],
  ['/api/v1/text/reanalyse', 'read', 'admin'],
  ['/api/v1/calls/settings', 'read', 'admin'],
  ['/api/v1/economics/settings', 'read', 'admin'],
  ['/api/v1/portfolio/weights', 'admin', 'admin'],
  ['/api/v1/competencies/settings', 'read', 'admin'],
  ['/api/v1/contacts/:id/resubscribe', 'read', 'admin'],
  // Data-subject rights and retention: personal data leaves or goes only with an admin scope.
  ['/api/v1/contacts/:id/export', 'admin', 'admin'],
  ['/api/v1/contacts/:id/erase', 'admin', 'admin'],
  ['/api/v1/settings/retention', 'read', 'admin'],
  // What clients say: feedback intake.
  ['/api/v1/feedback', 'read', 'write-feedback'],
  // Money: transactions and marketing spend.
  ['/api/v1/transactions', 'read', 'write-transactions'],
  ['/api/v1/marketing-spend', 'read', 'write-transactions'],
  // Everything else an organisation works with.
  ['/api/v1/arbiter', 'read', 'write'],
  ['/api/v1/calls', 'read', 'write'],
  ['/api/v1/cases', 'read', 'write'],
  ['/api/v1/clients', 'read', 'write'],
  ['/api/v1/competencies', 'read', 'write'],
  ['/api/v1/contacts', 'read', 'write'],
  ['/api/v1/dates', 'read', 'write'],
  ['/api/v1/economics', 'read', 'write'],
  ['/api/v1/employees', 'read', 'write'],
  ['/api/v1/imports', 'read', 'write'],
  ['/api/v1/inbound', 'read', 'write'],
  ['/api/v1/initiatives', 'read', 'write'],
  ['/api/v1/kpis', 'read', 'write'],
  ['/api/v1/messages', 'read', 'write'],
  ['/api/v1/metrics', 'read', 'write'],
  ['/api/v1/onboarding', 'read', 'write'],
  ['/api/v1/opportunities', 'read', 'write'],
  ['/api/v1/portfolio', 'read', 'write'],
  ['/api/v1/reminders', 'read', 'write'],
  ['/api/v1/reports', 'read', 'write'],
  ['/api/v1/requirements', 'read', 'write'],
  ['/api/v1/scorecard', 'read', 'write'],
  ['/api/v1/search', 'read', 'read'],
  ['/api/v1/surveys', 'read', 'write'],
  ['/api/v1/text', 'read', 'write'],
  ['/api/v1/today', 'read', 'write'],
  ['/api/v1/training-items', 'read', 'write'],
];

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

function covers(prefix: string, url: string): boolean {
  return url === prefix || url.startsWith(`${prefix}/`);
}

/** The scope a route needs (its registered url, e.g. /api/v1/cases/:id); undefined: unmapped. */
export function scopeOfRoute(method: string, url: string): RouteScope | undefined {
  let best: Row | undefined;
  for (const row of ROUTE_SCOPES)
    if (covers(row[0], url) && (!best || row[0].length > best[0].length)) best = row;
  if (!best) return undefined;
  return READS.has(method.toUpperCase()) ? best[1] : best[2];
}

/** Refuses an API key without the scope of the route (403 insufficient_scope). */
export function assertKeyScope(actor: Actor, method: string, url: string): void {
  if (actor.type !== 'api_key') return;
  const needed = scopeOfRoute(method, url);
  if (needed && needed !== 'none' && actor.scopes?.includes(needed)) return;
  throw new AppError(
    'insufficient_scope',
    needed && needed !== 'none'
      ? `This API key lacks the scope ${needed}`
      : 'This route cannot be called with an API key',
  );
}

// Who is on the other end of the current request (address, user agent), for the audit log and
// the session list, without passing it through every service: app.ts runs each request inside
// an AsyncLocalStorage store (as @fastify/request-context does). Outside a request (worker, CLI)
// there is none and both are null.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestMeta>();
const NONE: RequestMeta = { ip: null, userAgent: null };
/** A user agent is kept to this many characters (a header may be long; the list shows it). */
export const USER_AGENT_MAX = 300;

export function runWithRequestMeta(
  request: { ip: string; headers: Record<string, unknown> },
  next: () => void,
): void {
  const ua = request.headers['user-agent'];
  const userAgent = typeof ua === 'string' ? ua.slice(0, USER_AGENT_MAX) : null;
  storage.run({ ip: request.ip ?? null, userAgent }, next);
}

export function requestMeta(): RequestMeta {
  return storage.getStore() ?? NONE;
}

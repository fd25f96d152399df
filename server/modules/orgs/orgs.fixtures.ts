// Shared by the organisation tests.

/** The session cookie (name=value) a login response sets. */
export function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? raw[0] : String(raw);
  return String(first).split(';')[0]!;
}

/** True for an IANA time zone name this runtime knows (e.g. Europe/Moscow). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime's own spelling of a zone (europe/moscow → Europe/Moscow, Etc/UTC → UTC), so a
 * stored zone compares equal however it was typed; undefined when it is not a zone.
 */
export function canonicalTimeZone(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

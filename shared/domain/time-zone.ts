/** True for an IANA time zone name this runtime knows (e.g. Europe/Moscow). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

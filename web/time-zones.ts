// IANA time zones for a picker: every zone the browser knows, each with its current UTC offset
// ("Europe/Moscow (UTC+03:00)"), UTC first. Built once: ~420 formatters are not free.
let cached: { value: string; label: string }[] | undefined;

function offsetOf(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  // 'GMT+03:00'; plain 'GMT' for a zero offset.
  return !part || part === 'GMT' ? 'UTC+00:00' : part.replace('GMT', 'UTC');
}

function allZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Europe/Moscow'];
}

/** Options for a zone select; `current` is kept even when the browser does not list it. */
export function timeZoneOptions(current?: string): { value: string; label: string }[] {
  if (!cached) {
    const now = new Date();
    const zones = allZones().filter((z) => z !== 'UTC');
    cached = ['UTC', ...zones].map((value) => ({
      value,
      label: value === 'UTC' ? 'UTC' : `${value} (${offsetOf(value, now)})`,
    }));
  }
  if (current && !cached.some((o) => o.value === current))
    return [{ value: current, label: current }, ...cached];
  return cached;
}

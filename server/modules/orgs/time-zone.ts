// The organisation's time zone as stored: the runtime's spelling of an IANA zone, or 422 naming
// the field. The HTTP schema refuses a bad zone first; this guards set-up, the CLI and callers
// that do not pass through it.
import { canonicalTimeZone } from '../../../shared/domain/time-zone.ts';
import { AppError } from '../../http/errors.ts';

export function zoneOrRefuse(tz: string): string {
  const zone = canonicalTimeZone(tz);
  if (zone) return zone;
  throw new AppError('unprocessable', `${tz} is not an IANA time zone`, {
    invalidParams: [
      { name: 'body.timeZone', reason: 'not an IANA time zone such as Europe/Moscow' },
    ],
  });
}

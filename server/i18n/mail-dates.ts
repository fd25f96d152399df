// A moment as a person reads it in a mail: the reader's language, the organisation's time zone,
// with the zone's offset so a reader elsewhere is not misled ("6 декабря 2026 г. в 14:30 GMT+3").
import type { Language } from '../../shared/domain/vocabulary.ts';

export function mailDateTime(iso: string, language: Language, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}

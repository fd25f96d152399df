// What the case mails to people of the organisation (case_assigned, escalation) say instead of
// raw values: the stage's name in the reader's language rather than its key, and the due time
// in the organisation's time zone rather than an ISO string.
import type { OrgScope } from '../../context.ts';
import type { Language } from '../../../shared/domain/vocabulary.ts';
import { mailDateTime } from '../../i18n/mail-dates.ts';
import { orgTimeZone } from '../orgs/index.ts';
import { stageNamesOf } from '../stages/index.ts';

export interface CaseMailWords {
  stage(key: string | null, language: Language): string;
  due(iso: string | null, language: Language): string;
}

/** The words for mails about cases at `stageKeys`: two reads, whatever the number of cases. */
export async function caseMailWords(
  s: OrgScope,
  stageKeys: readonly (string | null)[],
): Promise<CaseMailWords> {
  const keys = stageKeys.filter((k): k is string => !!k);
  const [timeZone, names] = await Promise.all([
    orgTimeZone(s),
    keys.length ? stageNamesOf(s, keys) : Promise.resolve(new Map<string, never>()),
  ]);
  return {
    stage: (key, language) => (key ? (names.get(key)?.[language] ?? key) : '—'),
    due: (iso, language) => (iso ? mailDateTime(iso, language, timeZone) : '—'),
  };
}

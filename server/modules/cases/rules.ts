// Which feedback opens a case on its own: detractors, low satisfaction, high effort, complaints.
// Pure: no I/O, table-driven tests in rules.test.ts.
import type { CaseType, Priority, ScoreType } from '../../db/types.ts';
import { foldForSearch } from '../../../shared/domain/search-fold.ts';

export interface CaseRule {
  type: CaseType;
  priority: Priority;
  reason: 'nps_detractor' | 'csat_low' | 'ces_high' | 'complaint_words';
}

// Stems, matched at word starts, so inflections match ("жалобу", "претензии", "complained").
const COMPLAINT_STEMS = [
  'жалоб',
  'жалуюсь',
  'претензи',
  'возмущ',
  'безобраз',
  'ужасн',
  'отвратит',
  'недопустим',
  'верните деньги',
  'обман',
  'хамств',
  'нахам',
  'испорчен',
  'сломан',
  'брак',
  'не работает',
  'не пришл',
  'не доставил',
  'опоздал',
  'complain',
  'complaint',
  'refund',
  'terrible',
  'awful',
  'unacceptable',
  'disgusting',
  'broken',
  'damaged',
  'never arrived',
  'rude',
  'scam',
];

// Negated complaint phrases ("жалоб нет", "без претензий", "no complaints") are removed first.
const NEGATED = [
  /(нет|без|никаких)\s+(жалоб|претензи)[\p{L}]*/gu,
  /(жалоб|претензи)[\p{L}]*\s+(нет|не имею|не имеем)/gu,
  /\bno\s+(complaints?|refund)/gu,
  /\bnot\s+(terrible|awful|broken|damaged|rude)/gu,
];

// One alternation compiled once: intake runs this on every record with text.
const COMPLAINT_RE = new RegExp(
  `[\\s«"(.,!?;:-](?:${COMPLAINT_STEMS.map((stem) => stem.replace(/ /g, '\\s+')).join('|')})`,
  'u',
);

export function hasComplaintWords(text: string): boolean {
  let t = ` ${foldForSearch(text)}`;
  // Most texts hold no complaint word at all: only those pay for removing the negated phrases.
  if (!COMPLAINT_RE.test(t)) return false;
  for (const re of NEGATED) t = t.replace(re, ' ');
  return COMPLAINT_RE.test(t);
}

export function caseRuleFor(
  score: { type: ScoreType; value: number } | undefined | null,
  text: string | null | undefined,
): CaseRule | null {
  if (score?.type === 'nps' && score.value <= 6)
    return {
      type: 'complaint',
      priority: score.value <= 3 ? 'high' : 'normal',
      reason: 'nps_detractor',
    };
  if (score?.type === 'csat' && score.value <= 2)
    return {
      type: 'complaint',
      priority: score.value === 1 ? 'high' : 'normal',
      reason: 'csat_low',
    };
  if (score?.type === 'ces' && score.value >= 5)
    return {
      type: 'complaint',
      priority: score.value === 7 ? 'high' : 'normal',
      reason: 'ces_high',
    };
  if (text && hasComplaintWords(text))
    return { type: 'complaint', priority: 'normal', reason: 'complaint_words' };
  return null;
}

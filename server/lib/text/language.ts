// Language by script first (Cyrillic vs Latin letter counts), then a check for markers of other
// languages: Ukrainian/Belarusian letters among Cyrillic, non-English diacritics among Latin.
// Short and mixed texts ("Support ответил быстро") follow the majority script; a tie goes to
// Russian because brand names and jargon in Latin letters are common inside Russian feedback.

export type Language = 'ru' | 'en' | 'other';

const EN_HINTS = new Set([
  'the',
  'and',
  'is',
  'was',
  'to',
  'of',
  'for',
  'you',
  'it',
  'my',
  'not',
  'with',
  'thanks',
  'thank',
  'please',
  'good',
  'bad',
  'ok',
  'great',
  'very',
  'we',
  'i',
  'your',
  'on',
  'in',
  'no',
  'all',
]);

export function detectLanguage(text: string): Language | null {
  const cyr = (text.match(/[а-яё]/gi) ?? []).length;
  const lat = (text.match(/[a-z]/gi) ?? []).length;
  const otherLetters = (text.match(/\p{L}/gu) ?? []).length - cyr - lat;
  if (cyr + lat + otherLetters === 0) return null;
  // Other scripts (Greek, Arabic, CJK, Ukrainian-only letters …) dominate → not ours.
  if (otherLetters > cyr + lat) return 'other';
  if (cyr >= lat) return isUkrainian(text) ? 'other' : 'ru';
  // Latin-script: English unless it carries other languages' diacritics and no English words.
  const diacritics = (text.match(/[äöüßàâçéèêëîïôûùÿñáíóúãõåøæ]/gi) ?? []).length;
  if (diacritics === 0) return 'en';
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return words.some((w) => EN_HINTS.has(w)) ? 'en' : 'other';
}

// Ukrainian shares most letters with Russian: its own letters or frequent words that Russian
// lacks mark it, unless letters only Russian has (ы, э, ъ) say otherwise.
const UK_WORDS = new Set([
  'дякую',
  'дуже',
  'що',
  'щоб',
  'це',
  'ласка',
  'також',
  'якщо',
  'був',
  'немає',
  'отримали',
  'швидко',
]);

function isUkrainian(text: string): boolean {
  if (/[ыэъ]/i.test(text)) return false;
  if (/[іїєґ]/i.test(text)) return true;
  return (text.toLowerCase().match(/[а-яё]+/g) ?? []).some((w) => UK_WORDS.has(w));
}

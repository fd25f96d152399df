// Small suffix-stripping stemmers for Russian (after Snowball's Russian algorithm, simplified)
// and English (Porter-like, step 1 and common derivations). Good enough to fold word forms
// together for a lexicon and a bag-of-stems classifier; not a linguistic tool.

const RU_VOWELS = /[аеиоуыэюя]/;

function rvStart(word: string): number {
  const m = RU_VOWELS.exec(word);
  return m ? m.index + 1 : word.length;
}

function stripFirst(rv: string, endings: RegExp): string | null {
  const m = endings.exec(rv);
  return m ? rv.slice(0, m.index) + (m[1] ?? '') : null;
}

// Order matters: the longest endings first inside each group.
const PERFECTIVE = /(?:([ая])(?:вшись|вши|в)|(?:ившись|ывшись|ивши|ывши|ив|ыв))$/;
const REFLEXIVE = /(?:ся|сь)$/;
const ADJECTIVE =
  /(?:ими|ыми|его|ого|ему|ому|ее|ие|ые|ое|ей|ий|ый|ой|ем|им|ым|ом|их|ых|ую|юю|ая|яя|ою|ею)$/;
const PARTICIPLE = /(?:([ая])(?:ем|нн|вш|ющ|щ)|(?:ивш|ывш|ующ))$/;
const VERB =
  /(?:([ая])(?:ла|на|ете|йте|ли|й|л|ем|н|ло|но|ет|ют|ны|ть|ешь|нно)|(?:ила|ыла|ена|ейте|уйте|ите|или|ыли|ей|уй|ил|ыл|им|ым|ен|ило|ыло|ено|ят|ует|уют|ит|ыт|ены|ить|ыть|ишь|ую|ю))$/;
const NOUN =
  /(?:иями|ями|ами|иях|ием|иям|ией|ев|ов|ие|ье|еи|ии|ей|ой|ий|ям|ем|ам|ом|ах|ях|ию|ью|ия|ья|а|е|и|й|о|у|ы|ь|ю|я)$/;

export function stemRu(input: string): string {
  const word = input.replace(/ё/g, 'е');
  if (word.length <= 3) return word;
  const start = rvStart(word);
  const head = word.slice(0, start);
  let rv = word.slice(start);
  const perfective = stripFirst(rv, PERFECTIVE);
  if (perfective !== null) rv = perfective;
  else {
    rv = rv.replace(REFLEXIVE, '');
    const adjective = stripFirst(rv, ADJECTIVE);
    if (adjective !== null) rv = stripFirst(adjective, PARTICIPLE) ?? adjective;
    else rv = stripFirst(rv, VERB) ?? stripFirst(rv, NOUN) ?? rv;
  }
  rv = rv.replace(/и$/, '');
  rv = rv.replace(/ость?$/, '');
  rv = rv
    .replace(/ейше?$/, '')
    .replace(/нн$/, 'н')
    .replace(/ь$/, '');
  return head + rv;
}

const EN_SUFFIXES: [RegExp, string][] = [
  [/ational$/, 'ate'],
  [/fulness$/, 'ful'],
  [/iveness$/, 'ive'],
  [/ousness$/, 'ous'],
  [/ization$/, 'ize'],
  [/ation$/, 'ate'],
  [/ness$/, ''],
  [/ment$/, ''],
  [/ingly$/, ''],
  [/edly$/, ''],
  [/fully$/, 'ful'],
  [/ously$/, 'ous'],
  [/ally$/, 'al'],
  [/ly$/, ''],
];

export function stemEn(input: string): string {
  let w = input.replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (/sses$/.test(w)) w = w.slice(0, -2);
  else if (/ies$/.test(w)) w = w.slice(0, -3) + 'y';
  else if (/[^su]s$/.test(w)) w = w.slice(0, -1);
  if (/eed$/.test(w)) w = w.slice(0, -1);
  else if (/[aeiouy].*(ed|ing)$/.test(w)) {
    w = w.replace(/(ed|ing)$/, '');
    if (/(at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  }
  for (const [re, to] of EN_SUFFIXES) {
    if (re.test(w) && w.replace(re, to).length >= 3) {
      w = w.replace(re, to);
      break;
    }
  }
  w = w.replace(/([a-z]{3,})e$/, '$1').replace(/y$/, 'i');
  return w;
}

/** No word of either language is longer; a longer "word" (hostile or a pasted hash) is cut. */
export const MAX_WORD_LENGTH = 40;

// Feedback repeats its words: the sweep stems the same few thousand again and again, so stems are
// cached per word (bounded: the cache is dropped when full, words are ≤ 64 characters).
const cache = new Map<string, string>();

export function stem(token: string): string {
  let out = cache.get(token);
  if (out === undefined) {
    const word = token.length > MAX_WORD_LENGTH ? token.slice(0, MAX_WORD_LENGTH) : token;
    out = /[а-яё]/.test(word) ? stemRu(word) : stemEn(word);
    if (cache.size >= 100_000) cache.clear();
    cache.set(token, out);
  }
  return out;
}

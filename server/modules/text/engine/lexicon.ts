// The hand-made part of the sentiment model: stem prefixes with a polarity, for client feedback
// about service (delivery, documents, support, staff, quality, price) in Russian and English.
// A negated entry flips and weakens ("не понравилось", "not bad"); NEGATED lists words that are
// neutral alone but negative under negation ("не работает", "never came", "no answer").
export const POSITIVE: Record<string, number> = {
  // ru
  спасиб: 1, благодар: 1.2, отличн: 2, отлич: 1.5, хорош: 1, прекрасн: 2, замечательн: 2, супер: 2, класс: 1.5,
  понрав: 1.5, доволь: 1.5, рекоменд: 1.5, вежлив: 1.5, быстр: 1, оперативн: 1.5, удобн: 1, приятн: 1.5,
  профессионал: 1.5, молодц: 2, аккуратн: 1, качествен: 1, лучш: 1.5, рад: 1, порадова: 1.5, помог: 1, помогл: 1,
  чётк: 1, четк: 1, вовремя: 1, срок: 0.2, доброжелательн: 1.5, внимательн: 1.2, компетентн: 1.5, уровн: 0.5, высот: 1,
  выручил: 1.5, гладк: 1, понятн: 0.8, терпелив: 1, надёжн: 1.2, надежн: 1.2,
  норм: 0.6, ок: 0.3, устраива: 1, восторг: 2, идеальн: 2, 'спс': 1, порядк: 0.5, полезн: 1, честн: 1,
  // en
  thank: 1, thx: 1, great: 1.5, excellent: 2, awesom: 2, amaz: 2, fantast: 2, wonder: 2, brilliant: 2, perfect: 2,
  good: 1, nice: 1, love: 1.5, happi: 1.5, satisfi: 1.5, pleas: 0.5, recommend: 1.5, polit: 1.5, fast: 1, quick: 1,
  friendli: 1.5, helpful: 1.5, professional: 1.5, smooth: 1.2, reliabl: 1.2, best: 1.5, impress: 1.5, outstand: 2,
  appreciat: 1.2, easi: 0.8, enjoy: 1.2, fair: 0.7,
  tidi: 1, respons: 0.8, useful: 1, pleasant: 1.5, competent: 1.5, exceed: 1.5, worth: 0.8, fine: 0.3,
};

export const NEGATIVE: Record<string, number> = {
  // ru
  задерж: 1.5, опозд: 1.5, опазд: 1.5, ужасн: 2, ужас: 2, плох: 1.5, хамств: 2, хам: 2, нахам: 2, груб: 2, разбит: 1.5,
  разочарова: 2, разочаров: 2, ошибк: 1.2, ошибоч: 1.2, неправильн: 1.5, дорог: 0.8, потеря: 1.5, отвратительн: 2.5,
  сорва: 1.5, зависа: 1.5, порва: 1.5, испачка: 1.5, кошмар: 2.5, сломал: 1.5, слома: 1.5, недоволь: 2, недовол: 2,
  брак: 1.5, бракова: 1.5, зря: 1.5, бесполезн: 1.5, затянул: 1.5, списа: 1, долг: 0.8, неудобн: 1.2, запута: 1.2,
  переносят: 1, перенос: 0.3, гадост: 2, отстой: 2, обман: 2, сбо: 1.2, баг: 1.2, сыр: 1, возмутительн: 2, жалоб: 1.2,
  претенз: 1, проблем: 0.8, медлен: 1.5, штраф: 1, ругает: 1.2, грязн: 1.5, лишн: 0.8, пропада: 1,   некачествен: 2, невозможн: 1.5, перепута: 1.5, переплат: 1.5,   слишк: 0.8, 'крайн': 0.5, блокирова: 1,   // en
  late: 1.5, delay: 1.5, rude: 2, terribl: 2.5, terebl: 2, terribel: 2, awful: 2.5, bad: 1.5, worst: 2.5, poor: 1.5, broken: 1.5, broke: 1.5,
  disappoint: 2, wrong: 1.5, incorrect: 1.5, overpric: 2, expens: 1, damag: 1.5, crash: 1.5, nightmar: 2.5, slow: 1.2,
  confus: 1.2, clunki: 1.5, wast: 1.5, buggi: 1.5, unreliabl: 1.5, outag: 1.5, lost: 1.5, lose: 1, frustrat: 2,
  unaccept: 2, regret: 2, complain: 1.2, complaint: 1, miss: 1, dirti: 1.5,   cancel: 0.5, charg: 0.3, twice: 0.8, forever: 1, problem: 0.8,
  unfortunat: 1.5, angri: 2, annoi: 1.5, horribl: 2.5, useless: 2, };

/** Neutral alone, negative when negated. */
export const NEGATED: Record<string, number> = {
  работа: 1.5, работ: 1.5, ответ: 1.2, отвеча: 1.2, пришл: 1, прише: 1, приш: 1, вернул: 1.5, верн: 1.2, реш: 1.5,
  приех: 1.2, перезвон: 1.2, выполн: 1.5, получ: 1, смог: 1, объясн: 1,   исправ: 1.2, прислал: 1, соответств: 1.5, принима: 1,
  work: 1.5, answer: 1.2, repli: 1.2, came: 1.2, show: 1, fix: 1.5, solv: 1.5, call: 1, arriv: 1.2, respons: 1,
  happen: 0.5, worth: 1.5, satisfi: 2, happi: 2, recommend: 2,
};

export const INTENSIFIERS = new Set(['очень', 'крайне', 'совсем', 'абсолютно', 'просто', 'полностью', 'огромное', 'супер', 'так', 'really', 'very', 'extremely', 'so', 'totally', 'absolutely', 'hugely', 'completely', 'truly', 'super']);

/** Politeness formulas that carry no opinion of the service. */
export const POLITENESS = [/спасибо заранее/, /заранее спасибо/, /заранее благодар/, /thanks? (you )?in advance/, /спасибо,? (получили|получил)/, /thanks,? received/, /спасибо за (ответ|информацию)/, /thanks? for the info/];

export const REQUEST_MARKERS = /^(подскажите|прошу|просим|пришлите|отправьте|уточните|можно|можете|нужн|нужен|нужна|как |где |когда |сколько |есть ли|хотим|хочу|хотелось|could|can |please|how |where |when |what |is there|do you|i'd like|we need|need |send |any |is your|i need|kindly)/;

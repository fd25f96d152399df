// The request shapes the intake benchmark sends (issue 20). `light` is the old default: a promoter
// with a short text, no contact. `real` is traffic as a CX system gets it: NPS 0–10 evenly (so
// ≈ 7 in 11 records are detractors and open a case), 60 % with a text in Russian or English (a
// third of those with complaint words), 40 % with a contact e-mail (an acknowledgement is queued),
// 20 % naming a client by external id out of 5 000, and 5 % repeating an earlier request with
// its Idempotency-Key (every request carries one). Deterministic in n, so the naive server and
// ClientLoop get the same bodies.

export const CLIENTS = 5_000;

/** A fixed pseudo-random number in [0, 1) for (n, salt). */
function rand(n: number, salt: number): number {
  let x = (n * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 2246822507) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 3266489909) >>> 0;
  x ^= x >>> 16;
  return (x >>> 0) / 2 ** 32;
}

const TEXTS_RU = [
  'Всё хорошо, спасибо за быструю доставку',
  'Менеджер ответил быстро, но документы пришли поздно',
  'Нормально, без особых впечатлений',
  'Ужасное обслуживание, верните деньги',
  'Товар пришёл сломанный, это недопустимо',
  'Хотелось бы больше вариантов оплаты',
];
const TEXTS_EN = [
  'Great service, thank you',
  'Delivery was on time but the packaging could be better',
  'It was fine overall',
  'Terrible experience, I want a refund',
  'The parcel never arrived and support was rude',
  'Please add more payment options',
];

export const lightFeedback = (n: number) => ({
  channel: 'api',
  score: { type: 'nps', value: 9 },
  text: `Всё хорошо, спасибо — отзыв ${n}`,
  sourceId: `bench-${process.pid}-${n}`,
});

/** The record a real-shape request n carries (the same for its repeats). */
export function realFeedback(n: number, opts: { allClients?: boolean } = {}) {
  const base = realOrigin(n);
  const body: Record<string, unknown> = {
    channel: 'api',
    score: { type: 'nps', value: Math.floor(rand(base, 1) * 11) },
  };
  if (rand(base, 2) < 0.6) {
    const en = rand(base, 3) < 0.4;
    const texts = en ? TEXTS_EN : TEXTS_RU;
    body.text = `${texts[Math.floor(rand(base, 4) * texts.length)]} (${base})`;
  }
  if (rand(base, 5) < 0.4)
    body.contact = {
      email: `person${Math.floor(rand(base, 6) * 50_000)}@bench.example.ru`,
      name: `Клиент ${base}`,
      language: rand(base, 7) < 0.7 ? 'ru' : 'en',
    };
  if (opts.allClients || rand(base, 8) < 0.2) {
    const k = Math.floor(rand(base, 9) * CLIENTS);
    body.client = { name: `ООО Клиент ${k}`, externalId: `crm-${k}` };
  }
  return body;
}

/** The request a real-shape request n repeats: itself, or for 5 % an earlier one. */
function realOrigin(n: number): number {
  return n >= 20 && rand(n, 10) < 0.05 ? n - 1 - Math.floor(rand(n, 11) * 19) : n;
}

/** The Idempotency-Key of real-shape request n (a repeat sends the earlier request's key). */
export const realHeaders = (run: string) => (n: number) => ({
  'idempotency-key': `bench-${run}-${realOrigin(n)}`,
});

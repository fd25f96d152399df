// Client care in the demo (issue 21: the client cards had no requirements and no dates): special
// requirements heard in contracts, meetings and feedback, and important dates — contract
// renewals, company anniversaries, a contact's birthday — some of them in the coming weeks, so
// the reminders and Today have something to show. Added a month before the load, never later.
import type { Ctx } from '../../server/context.ts';
import type { fixedClock } from '../../server/lib/clock.ts';
import { addDate, addRequirement } from '../../server/modules/care/care.service.ts';
import type { DemoParty } from './parties.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const REQUIREMENTS = [
  {
    category: 'delivery',
    source: 'contract',
    stage: 'доставка',
    text: 'Разгрузка только с 8:00 до 16:00, въезд на склад по пропуску.',
  },
  {
    category: 'documents',
    source: 'meeting',
    stage: 'документы',
    text: 'Оригиналы УПД и ТТН — вместе с грузом, сканы — на почту бухгалтерии в тот же день.',
  },
  {
    category: 'packaging',
    source: 'feedback',
    stage: 'доставка',
    text: 'Хрупкий груз: паллеты в стретч-плёнке и уголки на коробках.',
  },
  {
    category: 'technical',
    source: 'contract',
    stage: 'заказ',
    text: 'Заявки принимаются через ЭДО, номер заказа клиента — в каждой накладной.',
  },
  {
    category: 'other',
    source: 'meeting',
    stage: 'оплата',
    text: 'Счета — до 25 числа, оплата по графику 30 дней с даты поставки.',
  },
] as const;

export async function loadCareDemo(
  ctx: Ctx,
  clock: ReturnType<typeof fixedClock>,
  parties: readonly DemoParty[],
  now: number,
): Promise<{ requirements: number; dates: number }> {
  clock.set(new Date(now - 30 * DAY));
  let requirements = 0;
  let dates = 0;
  for (const [i, p] of parties.entries()) {
    if (i % 2 === 0) {
      const r = REQUIREMENTS[(i / 2) % REQUIREMENTS.length]!;
      await addRequirement(ctx, p.clientId, { ...r, ownerId: p.managerId });
      requirements += 1;
    }
    if (i % 3 === 0) {
      // Renewals spread over the next four months, the first few within the coming fortnight.
      await addDate(ctx, p.clientId, {
        kind: 'contract_renewal',
        date: iso(now + (3 + i * 2.5) * DAY),
        recurring: false,
        title: 'Продление договора на перевозки',
      });
      dates += 1;
    }
    if (i % 4 === 1) {
      await addDate(ctx, p.clientId, {
        kind: 'company_anniversary',
        date: iso(now - (5 * 365 - 10 - i) * DAY),
        recurring: true,
        title: 'День основания компании',
      });
      dates += 1;
    }
    if (i % 7 === 2 && p.contacts[0]) {
      await addDate(ctx, p.clientId, {
        kind: 'birthday',
        date: iso(now - (40 * 365 - 6 - i) * DAY),
        recurring: true,
        title: 'День рождения',
        contactId: p.contacts[0].id,
      });
      dates += 1;
    }
  }
  clock.set(new Date(now));
  return { requirements, dates };
}

// The demo's journey stages (issue 15): the five stages its feedback names, in journey order,
// with Russian and English names, a process owner each (three people besides the admin, one of
// them English-speaking) and targets; the admin is the default owner of routed cases.
import type { Ctx } from '../../server/context.ts';
import { createUser, updateOrganisation } from '../../server/modules/orgs/orgs.service.ts';
import { createStage } from '../../server/modules/stages/stages.service.ts';

const OWNERS = [
  { email: 'orlov@clientloop.local', name: 'Павел Орлов', language: 'ru' as const },
  { email: 'kuznetsova@clientloop.local', name: 'Елена Кузнецова', language: 'ru' as const },
  { email: 'miller@clientloop.local', name: 'Anna Miller', language: 'en' as const },
];

/** Key (as the demo's records carry it), names, owner (index into OWNERS) and targets. */
export const DEMO_STAGES = [
  { key: 'заказ', nameRu: 'Оформление заказа', nameEn: 'Ordering', owner: 0, nps: 45 },
  { key: 'доставка', nameRu: 'Доставка', nameEn: 'Delivery', owner: 1, nps: 35 },
  { key: 'документы', nameRu: 'Документы', nameEn: 'Paperwork', owner: 2, nps: 40 },
  { key: 'оплата', nameRu: 'Оплата', nameEn: 'Payment', owner: 2, nps: 40 },
  { key: 'поддержка', nameRu: 'Поддержка', nameEn: 'Support', owner: 0, nps: 50 },
];

export async function loadStagesDemo(ctx: Ctx, adminId: string): Promise<number> {
  const owners = [];
  for (const o of OWNERS)
    owners.push(await createUser(ctx, { ...o, password: 'demo-password-2026', role: 'manager' }));
  for (const [i, s] of DEMO_STAGES.entries())
    await createStage(ctx, {
      key: s.key,
      nameRu: s.nameRu,
      nameEn: s.nameEn,
      position: i + 1,
      ownerId: owners[s.owner]!.id,
      targets: [
        { metric: 'nps', target: s.nps, direction: 'up' },
        { metric: 'csat', target: 80, direction: 'up' },
        { metric: 'ces', target: 3, direction: 'down' },
      ],
    });
  await updateOrganisation(ctx, { defaultCaseOwnerId: adminId });
  return DEMO_STAGES.length;
}

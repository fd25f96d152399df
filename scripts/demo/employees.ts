// Demo employees and calls: 40 people on the demo's five stages (a lead per stage, the leads
// reporting to the head of the order desk), hire dates from years back to the last 45 days,
// three of them linked to logins (one more has the admin's e-mail, so the link is suggested);
// then three months of calls, each naming the employee who took it as a PBX writes it (a
// personnel number, a full name or an e-mail), so the calls point at employees; three in four
// missed calls are called back from the same number, the rest stay on the missed list.
import type { Ctx } from '../../server/context.ts';
import {
  createEmployee,
  updateEmployee,
} from '../../server/modules/employees/employees.service.ts';
import { createUser } from '../../server/modules/orgs/orgs.service.ts';
import { recordCall } from '../../server/modules/telephony/telephony.service.ts';
import { DEMO_ADMIN, STAGES } from './data.ts';

const DAY = 86_400_000;
const CALLS = 360;

const FIRST = ['Алексей', 'Елена', 'Сергей', 'Наталья', 'Андрей', 'Ольга', 'Дмитрий', 'Ирина'];
const LAST = [
  'Громов',
  'Белов',
  'Кузьмин',
  'Лебедев',
  'Новиков',
  'Зайцев',
  'Морозов',
  'Волков',
  'Соловьёв',
  'Павлов',
  'Семёнов',
];
/** Per stage: the lead's position, then the position of the other seven. */
const POSITIONS: Record<string, [string, string]> = {
  заказ: ['Руководитель отдела продаж', 'Менеджер по продажам'],
  доставка: ['Начальник службы доставки', 'Курьер'],
  документы: ['Руководитель документооборота', 'Специалист по документам'],
  оплата: ['Главный бухгалтер', 'Бухгалтер'],
  поддержка: ['Руководитель поддержки', 'Оператор поддержки'],
};
/** The leads of these stages get a login for the demo, linked to their employee record. */
const LOGINS = [
  { stage: 'заказ', role: 'manager' as const },
  { stage: 'доставка', role: 'manager' as const },
  { stage: 'оплата', role: 'analyst' as const },
];

/** Distinct for i < 88 (8 first names × 11 surnames); the female first names are at odd places. */
function nameOf(i: number): string {
  const surname = LAST[i % LAST.length]!;
  return `${i % 2 === 1 ? `${surname}а` : surname} ${FIRST[i % FIRST.length]!}`;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function loadEmployeesDemo(
  ctx: Ctx,
  rand: () => number,
  now: Date,
): Promise<{
  employees: number;
  recent: number;
  calls: number;
  callbacks: number;
  linkedCalls: number;
}> {
  const people: {
    id: string;
    name: string;
    number: string;
    email: string | null;
    stage: string;
  }[] = [];
  let head: string | undefined;
  let recent = 0;
  for (const [s, stage] of STAGES.entries()) {
    let lead: string | undefined;
    for (let k = 0; k < 8; k++) {
      const i = s * 8 + k;
      const isLead = k === 0;
      // Every sixth person is new (hired in the last 45 days): the early-tenure group.
      const days = i % 6 === 5 ? 3 + Math.floor(rand() * 40) : 200 + Math.floor(rand() * 2800);
      if (days <= 45) recent += 1;
      const number = String(1000 + i).padStart(6, '0');
      const courier = stage === 'доставка' && !isLead;
      const email = courier ? null : `staff${i}@severveter.example.ru`;
      const employee = await createEmployee(ctx, {
        name: isLead && stage === 'поддержка' ? DEMO_ADMIN.name : nameOf(i + 2),
        position: POSITIONS[stage]![isLead ? 0 : 1],
        stageKey: stage,
        managerId: isLead ? head : lead,
        hireDate: isoDay(now.getTime() - days * DAY),
        // The admin's e-mail on the support lead; couriers have a phone and no e-mail.
        email: isLead && stage === 'поддержка' ? DEMO_ADMIN.email : (email ?? undefined),
        phone: courier ? `+7 912 555-${String(10 + i).padStart(2, '0')}-00` : undefined,
        externalId: number,
        status: i === 13 || i === 27 ? 'on_leave' : i === 38 ? 'left' : 'active',
      });
      if (isLead) {
        lead = employee.id;
        head ??= employee.id;
      }
      people.push({ id: employee.id, name: employee.name, number, email: employee.email, stage });
    }
  }

  // The support lead has the admin's e-mail and stays unlinked: the page suggests the link.
  for (const login of LOGINS) {
    const lead = people.find((p) => p.stage === login.stage)!;
    const user = await createUser(ctx, {
      email: lead.email!,
      name: lead.name,
      password: DEMO_ADMIN.password,
      role: login.role,
      language: 'ru',
    });
    await updateEmployee(ctx, lead.id, { userId: user.id });
  }

  // Calls are taken on the phone-facing stages; the PBX writes the number, the name or the e-mail.
  const takers = people.filter((p) => ['заказ', 'поддержка', 'оплата'].includes(p.stage));
  let linkedCalls = 0;
  let callbacks = 0;
  for (let c = 0; c < CALLS; c++) {
    const taker = takers[Math.floor(rand() * takers.length)]!;
    const how = rand();
    const employee =
      how < 0.5 ? taker.number : how < 0.85 || !taker.email ? taker.name : taker.email;
    const answered = rand() > 0.12;
    const at = now.getTime() - Math.floor(rand() * 90 * DAY) - Math.floor(rand() * 9) * 3_600_000;
    const direction = rand() < 0.75 ? 'in' : 'out';
    const phone = `+7 495 ${String(100 + Math.floor(rand() * 800))}-${String(10 + (c % 80)).padStart(2, '0')}-00`;
    const { call } = await recordCall(ctx, {
      externalId: `demo-call-${c}`,
      startedAt: new Date(at).toISOString(),
      direction,
      waitSeconds: Math.floor(rand() * (answered ? 90 : 240)),
      answered,
      durationSeconds: answered ? 30 + Math.floor(rand() * 600) : 0,
      employee,
      phone,
      stage: taker.stage,
    });
    if (call.employee_id) linkedCalls += 1;
    // Most missed calls are called back (issue 21): the same number dialled out 10 min to 6 h
    // later, never after the load; the rest stay on the missed list.
    const backAt = at + 600_000 + Math.floor(rand() * 6 * 3_600_000);
    if (direction === 'in' && !answered && rand() < 0.75 && backAt < now.getTime()) {
      const { call: back } = await recordCall(ctx, {
        externalId: `demo-call-${c}-back`,
        startedAt: new Date(backAt).toISOString(),
        direction: 'out',
        waitSeconds: 0,
        answered: true,
        durationSeconds: 60 + Math.floor(rand() * 300),
        employee,
        phone,
        stage: taker.stage,
      });
      callbacks += 1;
      if (back.employee_id) linkedCalls += 1;
    }
  }
  return { employees: people.length, recent, calls: CALLS + callbacks, callbacks, linkedCalls };
}

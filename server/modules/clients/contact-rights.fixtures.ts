// A contact with something in every module that keeps data about people (issue 19): two records
// with texts (a detractor opens a case), a note and a reply on the case, a call, and a second
// contact of another client whose data must stay untouched. Test code (ADR 008).
import type { FastifyInstance } from 'fastify';
import { call } from '../../../tests/support/app.ts';

export const IVAN = {
  name: 'Иван Петров-Секретный',
  email: 'ivan.secret@example.ru',
  phone: '+7 912 555-01-02',
  texts: ['Курьер Сидоров нагрубил мне по телефону', 'Спасибо за быструю доставку заказа'],
  note: 'Перезвонить Ивану вечером, паспорт 4510 123456',
  reply: 'Иван, приносим извинения и вернём деньги',
};

export async function buildWorld(app: FastifyInstance, key: string) {
  const api = (method: string, url: string, payload?: unknown) =>
    call(app, key, { method: method as 'GET', url, payload: payload as object });
  const first = await api('POST', '/api/v1/feedback', {
    client: { externalId: 'crm-1', name: 'ООО Ромашка' },
    contact: { email: IVAN.email, name: IVAN.name, language: 'ru' },
    stage: 'delivery',
    score: { type: 'nps', value: 2 },
    text: IVAN.texts[0],
    receivedAt: '2026-09-10T09:00:00Z',
  });
  if (first.statusCode !== 201) throw new Error(first.body);
  const second = await api('POST', '/api/v1/feedback', {
    client: { externalId: 'crm-1', name: 'ООО Ромашка' },
    contact: { email: IVAN.email, name: IVAN.name, language: 'ru' },
    stage: 'delivery',
    score: { type: 'nps', value: 9 },
    text: IVAN.texts[1],
    receivedAt: '2026-10-10T09:00:00Z',
  });
  const other = await api('POST', '/api/v1/feedback', {
    client: { externalId: 'crm-2', name: 'ООО Лютик' },
    contact: { email: 'olga@lutik.ru', name: 'Ольга', language: 'ru' },
    stage: 'delivery',
    score: { type: 'nps', value: 10 },
    text: 'Ольга довольна',
    receivedAt: '2026-10-11T09:00:00Z',
  });
  const caseId: string = first.json().caseId;
  const contactId: string = (await api('GET', `/api/v1/cases/${caseId}`)).json().contactId;
  await api('PATCH', `/api/v1/contacts/${contactId}`, { phone: IVAN.phone });
  await api('PATCH', `/api/v1/cases/${caseId}`, { note: IVAN.note, status: 'in_progress' });
  const reply = await api('POST', `/api/v1/cases/${caseId}/replies`, { text: IVAN.reply });
  if (reply.statusCode !== 201) throw new Error(reply.body);
  const callRes = await api('POST', '/api/v1/calls', {
    externalId: 'pbx-1',
    startedAt: '2026-10-12T10:00:00Z',
    direction: 'in',
    answered: true,
    durationSeconds: 120,
    phone: IVAN.phone,
    stage: 'delivery',
  });
  if (callRes.statusCode !== 201) throw new Error(callRes.body);
  return {
    contactId,
    caseId,
    feedbackIds: [first.json().id as string, second.json().id as string],
    otherFeedbackId: other.json().id as string,
  };
}

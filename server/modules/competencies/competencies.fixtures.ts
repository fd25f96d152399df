// The hand-made team of the competencies tests (competencies.test.ts, the scorecard's
// training-suggestions.test.ts): stage `support`, three competencies, two position models, four
// people, assessments by a manager, the people themselves and 360 peers (who sign in).
import type { TestApp, TestOrg } from '../../../tests/support/app.ts';
import { call } from '../../../tests/support/app.ts';

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  String([res.headers['set-cookie']].flat()[0]).split(';')[0]!;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type As = (method: Method, url: string, payload?: object) => ReturnType<typeof call>;

export interface Team {
  api: As;
  /** Signs in as a user: peers and the people themselves. */
  users: Record<'anna' | 'boris' | 'p1' | 'p2' | 'p3', { id: string; as: As }>;
  comp: Record<'empathy' | 'product' | 'talks', string>;
  people: Record<'anna' | 'boris' | 'vera' | 'gleb' | 'dima', string>;
}

async function ok(res: Awaited<ReturnType<typeof call>>, label: string) {
  if (res.statusCode >= 300) throw new Error(`${label}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function buildTeam(t: TestApp, org: TestOrg, tag: string): Promise<Team> {
  const api: As = (method, url, payload) =>
    call(t.app, org.apiKey, { method, url, ...(payload ? { payload } : {}) });
  const users = {} as Team['users'];
  for (const name of ['anna', 'boris', 'p1', 'p2', 'p3'] as const) {
    const email = `${name}.${tag}@example.ru`;
    const user = await ok(
      await api('POST', '/api/v1/users', {
        email,
        name,
        password: 'long-enough-pass',
        role: 'viewer',
      }),
      `user ${name}`,
    );
    // Signed in afresh for each call: tests move the clock past a session's lifetime.
    const signIn = async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'long-enough-pass' },
      });
      return { cookie: cookieOf(login), 'x-csrf-token': login.json().csrfToken as string };
    };
    users[name] = {
      id: user.id,
      as: async (method, url, payload) =>
        t.app.inject({ method, url, headers: await signIn(), ...(payload ? { payload } : {}) }),
    };
  }
  const comp = {} as Team['comp'];
  for (const [key, nameRu, nameEn, metricKey] of [
    ['empathy', 'Эмпатия', 'Empathy', 'csat'],
    ['product', 'Знание продукта', 'Product knowledge', 'nps'],
    ['talks', 'Переговоры', 'Negotiation', undefined],
  ] as const)
    comp[key] = (
      await ok(
        await api('POST', '/api/v1/competencies', { nameRu, nameEn, metricKey }),
        `competency ${key}`,
      )
    ).id;
  // Models: an operator needs empathy 4 and product 3; a senior operator 5, 4 and talks 3.
  await ok(
    await api('PUT', '/api/v1/competencies/models', {
      position: 'Оператор',
      levels: { [comp.empathy]: 4, [comp.product]: 3 },
    }),
    'model',
  );
  await ok(
    await api('PUT', '/api/v1/competencies/models', {
      position: 'Старший оператор',
      levels: { [comp.empathy]: 5, [comp.product]: 4, [comp.talks]: 3 },
    }),
    'senior model',
  );
  const employee = async (payload: object) =>
    (await ok(await api('POST', '/api/v1/employees', payload), 'employee')).id as string;
  const vera = await employee({ name: 'Вера', position: 'Старший оператор', stageKey: 'support' });
  const people = {
    anna: await employee({
      name: 'Анна',
      position: 'Оператор',
      stageKey: 'support',
      userId: users.anna.id,
    }),
    boris: await employee({
      name: 'Борис',
      position: 'Оператор',
      stageKey: 'support',
      userId: users.boris.id,
    }),
    vera,
    gleb: await employee({ name: 'Глеб', stageKey: 'support' }),
    dima: await employee({
      name: 'Дима',
      position: 'Оператор',
      stageKey: 'sales',
      managerId: vera,
    }),
  };
  return { api, users, comp, people };
}

/**
 * The assessments of the hand-made team (the clock moves a minute between sessions):
 *  Анна  (Оператор): manager empathy 2, then 3 (latest counts → 3); self empathy 5 (ignored: a
 *        manager's exists); manager product 3.
 *  Борис (Оператор): self empathy 4, self product 2; 360 product 4 and 4 by p1, p2 (2 raters,
 *        below the threshold 3: hidden, so product stays at his self 2).
 *  Вера  (Старший): 360 empathy 5, 4, 3 by p1, p2, p3 (3 raters: shown, mean 4); manager
 *        product 4; talks never assessed.
 *  Глеб  (no position): nothing to assess. Дима (sales, reports to Вера): manager empathy 1.
 */
export async function assessTeam(team: Team, tick: () => void): Promise<void> {
  const { api, users, comp, people } = team;
  const assess = async (as: As, who: string, kind: string, levels: Record<string, number>) => {
    tick();
    await ok(await as('POST', `/api/v1/employees/${who}/assessments`, { kind, levels }), kind);
  };
  await assess(api, people.anna, 'manager', { [comp.empathy]: 2 });
  await assess(api, people.anna, 'manager', { [comp.empathy]: 3, [comp.product]: 3 });
  await assess(users.anna.as, people.anna, 'self', { [comp.empathy]: 5 });
  await assess(users.boris.as, people.boris, 'self', { [comp.empathy]: 4, [comp.product]: 2 });
  await assess(users.p1.as, people.boris, 'peer', { [comp.product]: 4 });
  await assess(users.p2.as, people.boris, 'peer', { [comp.product]: 4 });
  await assess(users.p1.as, people.vera, 'peer', { [comp.empathy]: 5 });
  await assess(users.p2.as, people.vera, 'peer', { [comp.empathy]: 4 });
  await assess(users.p3.as, people.vera, 'peer', { [comp.empathy]: 3 });
  await assess(api, people.vera, 'manager', { [comp.product]: 4 });
  await assess(api, people.dima, 'manager', { [comp.empathy]: 1 });
}

// Per-module fixtures for tests/tenant-isolation.test.ts. Each module with routes that take an
// :id exports, from `server/modules/<module>/<module>.isolation.ts`, a record of
// route pattern → a function that creates one resource in organisation A and returns its id
// (and, per method, a valid body so validation passes and only tenancy decides the answer).
import { z } from 'zod';
import { call, type TestApp, type TestOrg } from './app.ts';

export interface IsolationTarget {
  /** Values for each `:param` of the route pattern, e.g. { id } or { id, contactId }. */
  params: Record<string, string>;
  bodies?: Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', unknown>>;
  /**
   * For routes whose parameters are not ids (e.g. /templates/:kind/:language): B's call acts on
   * B's own resource, so instead of a 404 the test proves A's view at `readBack` is unchanged.
   */
  ownResource?: { readBack: string };
}

export type IsolationFixtures = Record<
  string,
  (t: TestApp, a: TestOrg) => Promise<IsolationTarget>
>;

/**
 * Routes whose body or query string carries ids (`clientId`, `contactIds`, `ownerId` …): per
 * route ('POST /api/v1/cases'), B's own URL and a body B could send; the isolation test sets each
 * id field to one of A's ids (and to an id that exists nowhere) and expects 404, nothing written.
 */
export interface IdFieldTarget {
  /** B's URL: path parameters name B's own resources, so only the id field decides. */
  url: string;
  /** A valid body for B without the id field (the test sets it). */
  body?: Record<string, unknown>;
  /** B's GET for the resource a PATCH would change, to prove it is unchanged. */
  readBack?: string;
  /**
   * For a GET that answers a report rather than `{ items }` (e.g. the economics summary): the
   * rows of the answer the query-string check looks at (the default is `items`).
   */
  itemsOf?: (body: any) => unknown[];
  /** For a GET that answers a file (PDF, XLSX): the rows found in its bytes. */
  itemsOfFile?: (bytes: Buffer) => Promise<unknown[]>;
}

export type IdFieldFixtures = Record<
  string,
  (t: TestApp, b: TestOrg, own: ForeignIds) => Promise<IdFieldTarget>
>;

/** Fields whose names end in Id but hold the caller's own labels or column names, not our ids. */
export const NOT_OUR_IDS = new Set(['externalId', 'sourceId', 'clientExternalId']);

/** `body.clientId`, `body.contactIds`, `query.caseId` … : the id-like fields of a route's schemas. */
export function idFieldsOf(route: { body?: unknown; querystring?: unknown }): string[] {
  const out: string[] = [];
  const walk = (schema: unknown, path: string) => {
    if (!schema || typeof schema !== 'object') return;
    const s = schema as Record<string, unknown>;
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      if (/Ids?$/.test(name) && !NOT_OUR_IDS.has(name)) out.push(`${path}${name}`);
      walk(sub, `${path}${name}.`);
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'])
      for (const sub of [s[key] ?? []].flat()) walk(sub, path);
    if (s.items) walk(s.items, path);
  };
  walk(jsonSchemaOf(route.body), 'body.');
  walk(jsonSchemaOf(route.querystring), 'query.');
  return [...new Set(out)];
}

function jsonSchemaOf(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object') return undefined;
  if (!('_zod' in schema)) return schema;
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' });
}

type Kind = Exclude<keyof ForeignIds, 'needles'>;
const KIND_OF_FIELD: Record<string, Kind> = {
  clientId: 'client',
  contactId: 'contact',
  ownerId: 'user',
  managerId: 'user',
  userId: 'user',
  employeeId: 'employee',
  defaultCaseOwnerId: 'user',
  intoId: 'stage',
  caseId: 'case',
  feedbackId: 'feedback',
  messageId: 'message',
  transactionId: 'transaction',
  competencyId: 'competency',
};

/** Fields whose name means something else on one path: an employee's manager is an employee. */
const KIND_ON_PATH: Record<string, Record<string, Kind>> = {
  '/api/v1/employees': { managerId: 'employee' },
  '/api/v1/employees/:id': { managerId: 'employee' },
};

/**
 * What a field's name says it refers to (`contactIds` → contact), on the route `routeKey`
 * ('PATCH /api/v1/employees/:id') when given; undefined when unknown.
 */
export function kindOfIdField(field: string, routeKey?: string): Kind | undefined {
  const name = field.split('.').pop()!.replace(/Ids$/, 'Id');
  const path = routeKey?.split(' ')[1];
  return (path && KIND_ON_PATH[path]?.[name]) || KIND_OF_FIELD[name];
}

/** One resource of each kind in an organisation, plus the values a leaked row would show. */
export interface ForeignIds {
  client: string;
  contact: string;
  user: string;
  employee: string;
  case: string;
  feedback: string;
  message: string;
  stage: string;
  /** A sale of `client`. */
  transaction: string;
  /** A competency, and a training item of `employee` in it. */
  competency: string;
  trainingItem: string;
  /** Every id, public reference and e-mail address above: none may appear in B's answers. */
  needles: string[];
}

let seeded = 0;
/** Creates those resources in `org` through the API, as its admin would. */
export async function seedResources(t: TestApp, org: TestOrg): Promise<ForeignIds> {
  seeded += 1;
  const tag = `${seeded}-${org.orgId.slice(-6)}`;
  const post = async (url: string, payload: object) => {
    const res = await call(t.app, org.apiKey, { method: 'POST', url, payload });
    if (res.statusCode >= 300) throw new Error(`seeding ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const userEmail = `owner-${tag}@example.com`;
  const contactEmail = `contact-${tag}@example.ru`;
  const user = await post('/api/v1/users', {
    email: userEmail,
    name: `Owner ${tag}`,
    password: 'long-enough-1',
    role: 'manager',
  });
  const client = await post('/api/v1/clients', {
    name: `Client ${tag}`,
    externalId: `crm-${tag}`,
    managerId: user.id,
  });
  const contact = await post(`/api/v1/clients/${client.id}/contacts`, {
    name: `Contact ${tag}`,
    email: contactEmail,
  });
  const employeeEmail = `employee-${tag}@example.ru`;
  const employee = await post('/api/v1/employees', {
    name: `Employee ${tag}`,
    email: employeeEmail,
    externalId: `tab-${tag}`,
  });
  // The stage before the records that name it: the scorecard's filters need A's rows on it.
  const stage = await post('/api/v1/stages', { key: `stage-${tag}`, ownerId: user.id });
  const feedback = await post('/api/v1/feedback', {
    clientId: client.id,
    stage: stage.key,
    contactId: contact.id,
    text: `Отзыв ${tag}`,
    // A detractor: the rules open a case, and the acknowledgement is filed under it too.
    score: { type: 'nps', value: 2 },
  });
  if (!feedback.caseId) throw new Error('seeding: the detractor opened no case');
  const byHand = await post('/api/v1/cases', {
    title: `Case ${tag}`,
    type: 'request',
    clientId: client.id,
    contactId: contact.id,
    ownerId: user.id,
  });
  const messages = await call(t.app, org.apiKey, {
    method: 'GET',
    url: `/api/v1/messages?feedbackId=${feedback.id}`,
  });
  const message = messages.json().items[0]?.id;
  if (!message) throw new Error('seeding: the feedback was not acknowledged');
  const sale = await post('/api/v1/transactions', {
    externalId: `doc-${tag}`,
    clientId: client.id,
    kind: 'sale',
    date: '2026-11-20',
    amount: 1234.5,
    managerId: user.id,
    // A stage key every seeded organisation has, so a query naming it is B's own (the scorecard).
    stage: 'seeded',
  });
  const competency = await post('/api/v1/competencies', {
    nameRu: `Компетенция ${tag}`,
    nameEn: `Competency ${tag}`,
  });
  const trainingItem = await post('/api/v1/training-items', {
    employeeId: employee.id,
    competencyId: competency.id,
    title: `Course ${tag}`,
  });
  return {
    client: client.id,
    contact: contact.id,
    user: user.id,
    employee: employee.id,
    case: feedback.caseId,
    feedback: feedback.id,
    message,
    stage: stage.id,
    transaction: sale.id,
    competency: competency.id,
    trainingItem: trainingItem.id,
    needles: [
      client.id,
      contact.id,
      user.id,
      employee.id,
      feedback.caseId,
      byHand.id,
      feedback.id,
      message,
      sale.id,
      stage.id,
      competency.id,
      trainingItem.id,
      feedback.publicRef,
      byHand.publicRef,
      userEmail,
      contactEmail,
      employeeEmail,
    ].filter((v): v is string => typeof v === 'string' && v.length > 0),
  };
}

/** The needles found in a response body: the list-leak check (empty when nothing leaked). */
export function leaksIn(body: string, needles: readonly string[]): string[] {
  const lower = body.toLowerCase();
  return needles.filter((n) => lower.includes(n.toLowerCase()));
}

/**
 * The data lines of a CSV list export (GET /api/v1/<list>/export, CSV by default): the rows of
 * a file for `itemsOfFile` (a line per row; the header line is left out).
 */
export async function csvExportRows(bytes: Buffer): Promise<string[]> {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1);
}

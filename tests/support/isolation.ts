// Per-module fixtures for tests/tenant-isolation.test.ts. Each module with routes that take an
// :id exports, from `server/modules/<module>/<module>.isolation.ts`, a record of
// route pattern → a function that creates one resource in organisation A and returns its id
// (and, per method, a valid body so validation passes and only tenancy decides the answer).
import type { TestApp, TestOrg } from './app.ts';

export interface IsolationTarget {
  /** Values for each `:param` of the route pattern, e.g. { id } or { id, contactId }. */
  params: Record<string, string>;
  bodies?: Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', unknown>>;
}

export type IsolationFixtures = Record<string, (t: TestApp, a: TestOrg) => Promise<IsolationTarget>>;

// Per-module fixtures for tests/tenant-isolation.test.ts. Each module with routes that take an
// :id exports, from `server/modules/<module>/<module>.isolation.ts`, a record of
// route pattern → a function that creates one resource in organisation A and returns its id
// (and, per method, a valid body so validation passes and only tenancy decides the answer).
import type { TestApp, TestOrg } from './app.ts';

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

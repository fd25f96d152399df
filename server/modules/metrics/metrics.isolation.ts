// The satisfaction report's client and manager filters (issue 21) for the tenant-isolation test:
// A's own filter counts A's seeded answer; B naming A's client or manager gets a 404.
import type { IdFieldFixtures } from '../../../tests/support/isolation.ts';

/** The groups that count anything: an empty list means the filter matched nothing. */
const answeredGroups = (body: { groups?: { responses: number }[] }) =>
  (body.groups ?? []).filter((g) => g.responses > 0);

export const idFieldFixtures: IdFieldFixtures = {
  'GET /api/v1/metrics/satisfaction': async () => ({
    url: '/api/v1/metrics/satisfaction?metric=nps&compare=previous',
    itemsOf: answeredGroups,
  }),
};

import type { IdFieldFixtures } from '../../../tests/support/isolation.ts';

// The monthly report's recipients are people of the organisation: A's user in B's list is a 404,
// and B's list stays as it was.
export const idFieldFixtures: IdFieldFixtures = {
  'PUT /api/v1/reports/recipients': async () => ({
    url: '/api/v1/reports/recipients',
    body: {},
    readBack: '/api/v1/reports/recipients',
  }),
};

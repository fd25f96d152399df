import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  // Saved views are a signed-in person's own (API keys reach none of them, 403); that another
  // person, of this organisation or another, gets 404 for a view id is in saved-views.test.ts.
  // Here: B's call changes nothing.
  '/api/v1/saved-views/:id': async () => ({
    params: { id: '00000000-0000-4000-8000-000000000001' },
    ownResource: { readBack: '/api/v1/clients' },
  }),
};

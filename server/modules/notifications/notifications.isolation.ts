import type { IsolationFixtures } from '../../../tests/support/isolation.ts';

export const isolationFixtures: IsolationFixtures = {
  // A person's own notifications: no API key reaches /api/v1/me (403 insufficient_scope); that
  // another person (of this organisation or another) gets 404 for an id is in
  // notifications.test.ts. Here: B's call changes nothing A's admin can read.
  '/api/v1/me/notifications/:id/read': async () => ({
    params: { id: '00000000-0000-4000-8000-000000000001' },
    ownResource: { readBack: '/api/v1/org' },
  }),
};

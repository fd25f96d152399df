// Which page renders for which path. Paths match web/nav.ts; a page the role may not use
// renders "not found" (the server would refuse its data anyway).
import type { ComponentType } from 'react';
import { NAV_ENTRIES } from './nav.ts';
import { can } from './permissions.ts';
import { usePath } from './router.tsx';
import { useSession } from './session.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ApiKeysPage } from './pages/settings/ApiKeysPage.tsx';
import { AuditLogPage } from './pages/settings/AuditLogPage.tsx';
import { OrganisationPage } from './pages/settings/OrganisationPage.tsx';
import { PeoplePage } from './pages/settings/PeoplePage.tsx';

const PAGES: Record<string, ComponentType> = {
  '/': HomePage,
  '/settings/organisation': OrganisationPage,
  '/settings/people': PeoplePage,
  '/settings/api-keys': ApiKeysPage,
  '/settings/audit': AuditLogPage,
};

export function PageForPath() {
  const path = usePath().replace(/\/+$/, '') || '/';
  const { user } = useSession();
  const entry = NAV_ENTRIES.find((e) => e.path === path);
  const Page = PAGES[path];
  if (!Page || (entry?.requires && !can(user.role, entry.requires))) return <NotFoundPage />;
  return <Page />;
}

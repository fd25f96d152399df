// Which page renders for which path. Paths match web/nav.ts; a key may hold parameters
// (`/cases/:id`, read with useRouteParams()). Exact paths win over patterns. A page the role may
// not use renders "not found" (the server would refuse its data anyway).
import { Loader } from '@mantine/core';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { NAV_ENTRIES } from './nav.ts';
import { can } from './permissions.ts';
import { matchPath, navigate, RouteParamsContext, usePath } from './router.tsx';
import { useSession } from './session.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { CaseBoardPage } from './pages/cases/CaseBoardPage.tsx';
import { CasePage } from './pages/cases/CasePage.tsx';
import { NewCasePage } from './pages/cases/NewCasePage.tsx';
import { ClientPage } from './pages/clients/ClientPage.tsx';
import { ClientsPage } from './pages/clients/ClientsPage.tsx';
import { FeedbackDetailPage } from './pages/feedback/FeedbackDetailPage.tsx';
import { FeedbackListPage } from './pages/feedback/FeedbackListPage.tsx';
import { InboxPage } from './pages/inbox/InboxPage.tsx';
import { InboundPage } from './pages/inbound/InboundPage.tsx';
import { SurveysPage } from './pages/surveys/SurveysPage.tsx';
import { ImportsPage } from './pages/imports/ImportsPage.tsx';
import { ApiKeysPage } from './pages/settings/ApiKeysPage.tsx';
import { AuditLogPage } from './pages/settings/AuditLogPage.tsx';
import { OrganisationPage } from './pages/settings/OrganisationPage.tsx';
import { PeoplePage } from './pages/settings/PeoplePage.tsx';
import { SlaPoliciesPage } from './pages/settings/SlaPoliciesPage.tsx';
import { TemplatesPage } from './pages/settings/TemplatesPage.tsx';
import { WebhooksPage } from './pages/settings/WebhooksPage.tsx';

// The dashboard carries ECharts (~400 kB); load it only when someone opens the dashboard.
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));

const PAGES: Record<string, ComponentType> = {
  '/': HomePage,
  '/inbox': InboxPage,
  '/feedback': FeedbackListPage,
  '/feedback/:id': FeedbackDetailPage,
  '/cases': CaseBoardPage,
  '/cases/new': NewCasePage,
  '/cases/:id': CasePage,
  '/clients': ClientsPage,
  '/clients/:id': ClientPage,
  '/dashboard': DashboardPage,
  '/inbound': InboundPage,
  '/surveys': SurveysPage,
  '/imports': ImportsPage,
  '/settings/templates': TemplatesPage,
  '/settings/sla': SlaPoliciesPage,
  '/settings/webhooks': WebhooksPage,
  '/settings/organisation': OrganisationPage,
  '/settings/people': PeoplePage,
  '/settings/api-keys': ApiKeysPage,
  '/settings/audit': AuditLogPage,
};

/** Roles whose start page is the inbox rather than the greeting (they work the cases). */
const INBOX_HOME_ROLES = new Set(['manager']);

function findPage(path: string): { pattern: string; Page: ComponentType; params: Record<string, string> } | null {
  const exact = PAGES[path];
  if (exact) return { pattern: path, Page: exact, params: {} };
  for (const [pattern, Page] of Object.entries(PAGES)) {
    if (!pattern.includes(':')) continue;
    const params = matchPath(pattern, path);
    if (params) return { pattern, Page, params };
  }
  return null;
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

export function PageForPath() {
  const path = usePath().replace(/\/+$/, '') || '/';
  const { user } = useSession();
  if (path === '/' && INBOX_HOME_ROLES.has(user.role)) return <Redirect to="/inbox" />;
  const found = findPage(path);
  // Sub-pages (/cases/:id) follow the permission of their section's nav entry (/cases).
  const section = `/${path.split('/')[1] ?? ''}`;
  const entry = NAV_ENTRIES.find((e) => e.path === found?.pattern) ?? NAV_ENTRIES.find((e) => e.path === section);
  if (!found || (entry?.requires && !can(user.role, entry.requires))) return <NotFoundPage />;
  const { Page, params } = found;
  // Keyed by path so moving between two cases starts the page afresh (no stale form state).
  return (
    <RouteParamsContext.Provider value={params}>
      <Suspense fallback={<Loader size="sm" />}>
        <Page key={path} />
      </Suspense>
    </RouteParamsContext.Provider>
  );
}

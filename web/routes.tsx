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
import { InboxPage } from './pages/inbox/InboxPage.tsx';
import { TodayPage } from './pages/today/TodayPage.tsx';

// Pages load when first opened, so the first paint carries only the shell, home and inbox
// (the dashboard alone brings ~400 kB of ECharts).
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const DashboardPage = lazyPage(
  () => import('./pages/dashboard/DashboardPage.tsx'),
  'DashboardPage',
);
const CaseBoardPage = lazyPage(() => import('./pages/cases/CaseBoardPage.tsx'), 'CaseBoardPage');
const CasePage = lazyPage(() => import('./pages/cases/CasePage.tsx'), 'CasePage');
const NewCasePage = lazyPage(() => import('./pages/cases/NewCasePage.tsx'), 'NewCasePage');
const CaseListPage = lazyPage(() => import('./pages/cases/CaseListPage.tsx'), 'CaseListPage');
const ClientPage = lazyPage(() => import('./pages/clients/ClientPage.tsx'), 'ClientPage');
const ClientsPage = lazyPage(() => import('./pages/clients/ClientsPage.tsx'), 'ClientsPage');
const EmployeesPage = lazyPage(
  () => import('./pages/employees/EmployeesPage.tsx'),
  'EmployeesPage',
);
const FeedbackDetailPage = lazyPage(
  () => import('./pages/feedback/FeedbackDetailPage.tsx'),
  'FeedbackDetailPage',
);
const FeedbackListPage = lazyPage(
  () => import('./pages/feedback/FeedbackListPage.tsx'),
  'FeedbackListPage',
);
const InboundPage = lazyPage(() => import('./pages/inbound/InboundPage.tsx'), 'InboundPage');
const SurveysPage = lazyPage(() => import('./pages/surveys/SurveysPage.tsx'), 'SurveysPage');
const PulsesPage = lazyPage(() => import('./pages/pulse/PulsesPage.tsx'), 'PulsesPage');
const CompetenciesPage = lazyPage(
  () => import('./pages/competencies/CompetenciesPage.tsx'),
  'CompetenciesPage',
);
const ImportsPage = lazyPage(() => import('./pages/imports/ImportsPage.tsx'), 'ImportsPage');
const CallsPage = lazyPage(() => import('./pages/telephony/CallsPage.tsx'), 'CallsPage');
const CareInboxPage = lazyPage(() => import('./pages/care/CareInboxPage.tsx'), 'CareInboxPage');
const RequirementSearchPage = lazyPage(
  () => import('./pages/care/RequirementSearchPage.tsx'),
  'RequirementSearchPage',
);
const ApiKeysPage = lazyPage(() => import('./pages/settings/ApiKeysPage.tsx'), 'ApiKeysPage');
const AuditLogPage = lazyPage(() => import('./pages/settings/AuditLogPage.tsx'), 'AuditLogPage');
const OrganisationPage = lazyPage(
  () => import('./pages/settings/OrganisationPage.tsx'),
  'OrganisationPage',
);
const PeoplePage = lazyPage(() => import('./pages/settings/PeoplePage.tsx'), 'PeoplePage');
const SlaPoliciesPage = lazyPage(
  () => import('./pages/settings/SlaPoliciesPage.tsx'),
  'SlaPoliciesPage',
);
const ResolutionCodesPage = lazyPage(
  () => import('./pages/settings/ResolutionCodesPage.tsx'),
  'ResolutionCodesPage',
);
const SecurityPage = lazyPage(() => import('./pages/settings/SecurityPage.tsx'), 'SecurityPage');
const TemplatesPage = lazyPage(() => import('./pages/settings/TemplatesPage.tsx'), 'TemplatesPage');
const WebhooksPage = lazyPage(() => import('./pages/settings/WebhooksPage.tsx'), 'WebhooksPage');
const ProfitFormulaPage = lazyPage(
  () => import('./pages/economics/ProfitFormulaPage.tsx'),
  'ProfitFormulaPage',
);
const LoyaltyPage = lazyPage(() => import('./pages/economics/LoyaltyPage.tsx'), 'LoyaltyPage');
const TopicsPage = lazyPage(() => import('./pages/text/TopicsPage.tsx'), 'TopicsPage');
const StagesPage = lazyPage(() => import('./pages/stages/StagesPage.tsx'), 'StagesPage');
const StagePage = lazyPage(() => import('./pages/stages/StagePage.tsx'), 'StagePage');
const KpisPage = lazyPage(() => import('./pages/scorecard/KpisPage.tsx'), 'KpisPage');
const ScorecardPage = lazyPage(
  () => import('./pages/scorecard/ScorecardPage.tsx'),
  'ScorecardPage',
);
const StageScorecardPage = lazyPage(
  () => import('./pages/scorecard/StageScorecardPage.tsx'),
  'StageScorecardPage',
);
const DrillPage = lazyPage(() => import('./pages/scorecard/DrillPage.tsx'), 'DrillPage');
const ArbiterPage = lazyPage(() => import('./pages/arbiter/ArbiterPage.tsx'), 'ArbiterPage');
const ArbiterSettingsPage = lazyPage(
  () => import('./pages/arbiter/ArbiterSettingsPage.tsx'),
  'ArbiterSettingsPage',
);
const PortfolioPage = lazyPage(
  () => import('./pages/portfolio/PortfolioPage.tsx'),
  'PortfolioPage',
);
const PortfolioSettingsPage = lazyPage(
  () => import('./pages/portfolio/PortfolioSettingsPage.tsx'),
  'PortfolioSettingsPage',
);
const StrategyPage = lazyPage(() => import('./pages/strategy/StrategyPage.tsx'), 'StrategyPage');
const BacklogPage = lazyPage(() => import('./pages/backlog/BacklogPage.tsx'), 'BacklogPage');
const InitiativePage = lazyPage(
  () => import('./pages/backlog/InitiativePage.tsx'),
  'InitiativePage',
);
const OperationsPage = lazyPage(
  () => import('./pages/scorecard/OperationsPage.tsx'),
  'OperationsPage',
);

const PAGES: Record<string, ComponentType> = {
  '/': HomePage,
  '/home': HomePage,
  '/today': TodayPage,
  '/inbox': InboxPage,
  '/feedback': FeedbackListPage,
  '/feedback/:id': FeedbackDetailPage,
  '/cases': CaseBoardPage,
  '/cases/new': NewCasePage,
  '/cases/list': CaseListPage,
  '/cases/:id': CasePage,
  '/clients': ClientsPage,
  '/clients/:id': ClientPage,
  '/employees': EmployeesPage,
  '/dashboard': DashboardPage,
  '/inbound': InboundPage,
  '/surveys': SurveysPage,
  '/pulses': PulsesPage,
  '/competencies': CompetenciesPage,
  '/imports': ImportsPage,
  '/calls': CallsPage,
  '/stages': StagesPage,
  '/stages/:id': StagePage,
  '/scorecard': ScorecardPage,
  '/scorecard/stages/:key': StageScorecardPage,
  '/scorecard/records': DrillPage,
  '/arbiter': ArbiterPage,
  '/arbiter/settings': ArbiterSettingsPage,
  '/scorecard/operations': OperationsPage,
  '/scorecard/kpis': KpisPage,
  '/portfolio': PortfolioPage,
  '/backlog': BacklogPage,
  '/backlog/:id': InitiativePage,
  '/portfolio/settings': PortfolioSettingsPage,
  '/strategy': StrategyPage,
  '/care': CareInboxPage,
  '/requirements': RequirementSearchPage,
  '/economics/formula': ProfitFormulaPage,
  '/economics/loyalty': LoyaltyPage,
  '/settings/templates': TemplatesPage,
  '/settings/sla': SlaPoliciesPage,
  '/settings/resolution-codes': ResolutionCodesPage,
  '/settings/webhooks': WebhooksPage,
  '/settings/topics': TopicsPage,
  '/settings/organisation': OrganisationPage,
  '/settings/people': PeoplePage,
  '/settings/api-keys': ApiKeysPage,
  '/settings/audit': AuditLogPage,
  '/settings/security': SecurityPage,
};

/** Roles whose start page is "Today" (issue 21) rather than the greeting with the settings cards. */
const TODAY_HOME_ROLES = new Set(['manager', 'admin']);

function findPage(
  path: string,
): { pattern: string; Page: ComponentType; params: Record<string, string> } | null {
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
  // The greeting with the settings cards stays in the menu as /home.
  if (path === '/' && TODAY_HOME_ROLES.has(user.role)) return <Redirect to="/today" />;
  const found = findPage(path);
  // Sub-pages (/cases/:id) follow the permission of their section's nav entry (/cases).
  const section = `/${path.split('/')[1] ?? ''}`;
  const entry =
    NAV_ENTRIES.find((e) => e.path === found?.pattern) ??
    NAV_ENTRIES.find((e) => e.path === section);
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

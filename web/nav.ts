// The navigation as data. A new module adds its entries here (and its page in routes.tsx);
// entries a role may not use are hidden, and groups with no visible entry disappear.
import { can, type Action, type Role } from './permissions.ts';

export interface NavEntry {
  path: string;
  labelKey: string;
  /** Entries without a group sit at the top level. */
  group?: NavGroupId;
  requires?: Action;
  /** One line shown on the home page card, when the entry deserves a card. */
  descriptionKey?: string;
}

export type NavGroupId = 'analytics' | 'settings';
export const NAV_GROUPS: readonly { id: NavGroupId; labelKey: string }[] = [
  { id: 'analytics', labelKey: 'nav.analytics' },
  { id: 'settings', labelKey: 'nav.settings' },
];

export const NAV_ENTRIES: readonly NavEntry[] = [
  // "Today" comes first: a manager's and an admin's start page (routes.tsx), then the inbox.
  { path: '/today', labelKey: 'today.nav', requires: 'data.read' },
  { path: '/inbox', labelKey: 'inbox.nav' },
  { path: '/care', labelKey: 'care.nav', requires: 'data.read' },
  { path: '/requirements', labelKey: 'care.search.nav', requires: 'data.read' },
  { path: '/home', labelKey: 'nav.home' },
  { path: '/cases', labelKey: 'cases.nav' },
  { path: '/feedback', labelKey: 'feedback.nav' },
  { path: '/clients', labelKey: 'clients.nav' },
  { path: '/employees', labelKey: 'employees.nav', requires: 'data.read' },
  { path: '/pulses', labelKey: 'pulse.nav', requires: 'data.read' },
  { path: '/competencies', labelKey: 'competencies.nav', requires: 'data.read' },
  { path: '/dashboard', labelKey: 'dashboard.nav' },
  { path: '/inbound', labelKey: 'inbound.nav', requires: 'data.read' },
  { path: '/surveys', labelKey: 'surveys.nav', requires: 'data.read' },
  { path: '/imports', labelKey: 'imports.nav', requires: 'data.write' },
  { path: '/calls', labelKey: 'telephony.nav', requires: 'data.read' },
  { path: '/stages', labelKey: 'stages.nav', requires: 'data.read' },
  {
    path: '/economics/formula',
    labelKey: 'economics.formula.nav',
    group: 'analytics',
    requires: 'data.read',
  },
  {
    path: '/economics/loyalty',
    labelKey: 'economics.loyalty.nav',
    group: 'analytics',
    requires: 'data.read',
  },
  {
    path: '/scorecard',
    labelKey: 'scorecard.layers.nav',
    group: 'analytics',
    requires: 'scorecard.read',
  },
  { path: '/arbiter', labelKey: 'arbiter.nav', group: 'analytics', requires: 'scorecard.read' },
  { path: '/portfolio', labelKey: 'portfolio.nav', group: 'analytics', requires: 'data.read' },
  { path: '/strategy', labelKey: 'strategy.nav', group: 'analytics', requires: 'data.read' },
  { path: '/backlog', labelKey: 'backlog.nav', group: 'analytics', requires: 'data.read' },
  {
    path: '/scorecard/operations',
    labelKey: 'scorecard.operationsNav',
    group: 'analytics',
    requires: 'scorecard.read',
  },
  {
    path: '/scorecard/kpis',
    labelKey: 'scorecard.kpisNav',
    group: 'analytics',
    requires: 'scorecard.read',
  },
  {
    path: '/settings/organisation',
    labelKey: 'nav.organisation',
    group: 'settings',
    descriptionKey: 'home.organisationCard',
  },
  { path: '/settings/security', labelKey: 'security.nav', group: 'settings' },
  {
    path: '/settings/people',
    labelKey: 'nav.people',
    group: 'settings',
    requires: 'users.read',
    descriptionKey: 'home.peopleCard',
  },
  {
    path: '/settings/api-keys',
    labelKey: 'nav.apiKeys',
    group: 'settings',
    requires: 'api_keys.manage',
    descriptionKey: 'home.apiKeysCard',
  },
  {
    path: '/settings/audit',
    labelKey: 'nav.audit',
    group: 'settings',
    requires: 'audit.read',
    descriptionKey: 'home.auditCard',
  },
  {
    path: '/settings/templates',
    labelKey: 'templates.nav',
    group: 'settings',
    descriptionKey: 'templates.card',
  },
  { path: '/settings/sla', labelKey: 'sla.nav', group: 'settings', descriptionKey: 'sla.card' },
  {
    path: '/settings/resolution-codes',
    labelKey: 'closing.nav',
    group: 'settings',
    descriptionKey: 'closing.card',
  },
  {
    path: '/settings/webhooks',
    labelKey: 'webhooks.nav',
    group: 'settings',
    requires: 'org.manage',
    descriptionKey: 'webhooks.card',
  },
  { path: '/settings/topics', labelKey: 'text.nav', group: 'settings', requires: 'org.manage' },
];

/** The interactive API reference served by the server; opened in a new tab. */
export const API_DOCS_PATH = '/docs';

export function visibleEntries(role: Role): NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.requires || can(role, entry.requires));
}

// The module graph ClientLoop keeps, checked by `npm run lint` (and CI). ADR 008 explains it;
// docs/architecture.md draws it. Layers, lowest first; a layer never imports one above it:
//   platform   server/{lib,db,http,jobs,i18n}, server/{config,deps,context}.ts, module.ts, shared/
//   core       orgs, clients
//   loop       the closed loop and its channels
//   analytics  figures computed over the loop (metrics, and the modules still to come)
//   app        composition: server/modules/{index,registry}.ts, server/{app,main,worker,cli}.ts
// A module is used only through its index.ts, and an index.ts never exports a repo.
// stages and employees are master data the loop routes by (case owners, intake stages, calls),
// so they sit in core beside clients, not in analytics (ADR 012).
const CORE = ['orgs', 'clients', 'stages', 'employees'];
const LOOP = [
  'feedback',
  'cases',
  'messaging',
  'webhooks',
  'surveys',
  'inbound',
  'imports',
  'care',
  'telephony',
  'text',
  'pulse',
  'competencies',
  'search',
  'notifications',
];
// Analytics modules, present and to come (the issues ahead name them); listed so a new one
// lands in its layer from its first file.
const ANALYTICS = [
  'metrics',
  'economics',
  'people',
  'scorecard',
  'arbiter',
  'portfolio',
  'backlog',
  'strategy',
  'reports',
  'opportunities',
];
const mods = (names) => `^server/modules/(${names.join('|')})/`;
const PLATFORM = [
  '^server/(lib|db|http|jobs|i18n)/',
  '^server/(config|deps|context)\\.ts$',
  '^server/modules/module\\.ts$',
  '^shared/',
];
// Tests, and the fixtures each module keeps beside its tests (*.isolation.ts, *.fixtures.ts).
const TESTS = '\\.(test|isolation|fixtures)\\.tsx?$';
const APP = ['^server/(app|main|worker|cli)\\.ts$', '^server/modules/(index|registry)\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules form a one-way graph; upward events go through a hook (ADR 008).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-stays-below',
      comment: 'Platform code imports no module and no composition file.',
      severity: 'error',
      from: { path: PLATFORM, pathNot: TESTS },
      to: { path: ['^server/modules/', ...APP], pathNot: '^server/modules/module\\.ts$' },
    },
    {
      name: 'core-stays-below-loop',
      severity: 'error',
      from: { path: mods(CORE) },
      to: { path: [mods(LOOP), mods(ANALYTICS)] },
    },
    {
      name: 'loop-stays-below-analytics',
      severity: 'error',
      from: { path: mods(LOOP) },
      to: { path: mods(ANALYTICS) },
    },
    {
      name: 'modules-stay-below-app',
      comment: 'Only tests (which build the whole app) import the composition files.',
      severity: 'error',
      from: { path: '^server/modules/[^/]+/', pathNot: TESTS },
      to: { path: APP },
    },
    {
      name: 'module-in-a-layer',
      comment: 'Every folder under server/modules is named in CORE, LOOP or ANALYTICS above.',
      severity: 'error',
      from: {
        path: '^server/modules/[^/]+/',
        pathNot: mods([...CORE, ...LOOP, ...ANALYTICS]),
      },
      to: {},
    },
    {
      name: 'only-through-index',
      comment: 'Another module is reached only through its index.ts (its public surface).',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'app-through-index',
      severity: 'error',
      from: { path: APP },
      to: { path: '^server/modules/[^/]+/', pathNot: '^server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'index-exports-no-repo',
      comment: 'Only services leave a module; its repo stays inside.',
      severity: 'error',
      from: { path: '^server/modules/[^/]+/index\\.ts$' },
      to: { path: '\\.repo\\.ts$' },
    },
    {
      name: 'repo-imports-no-module',
      comment: 'A repo holds SQL for its own tables only.',
      severity: 'error',
      from: { path: '\\.repo\\.ts$' },
      to: { path: '^server/modules/[^/]+/(index|[^/]+\\.(service|routes))\\.ts$' },
    },
    {
      name: 'routes-skip-no-service',
      comment: 'Routes parse, call a service, present; SQL is reached through the service.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.repo\\.ts$' },
    },
    {
      name: 'shared-is-isomorphic',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(server|web|tests)/' },
    },
    {
      name: 'web-talks-http-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|tests)/' },
    },
    {
      name: 'product-code-imports-no-tests',
      severity: 'error',
      from: { path: '^(server|shared|web)/', pathNot: TESTS },
      to: { path: '^tests/|\\.test\\.tsx?$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};

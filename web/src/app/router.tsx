import { createRootRoute, createRoute, createRouter, Outlet, type RouterHistory } from '@tanstack/react-router';
import { lazy, Suspense, useLayoutEffect } from 'react';
import { Loading } from '../ui/Loading';
import { HomeRedirect } from './HomeRedirect';
import { NotFound } from './NotFound';
import { validateParticipationSearch, validatePlanNewSearch, validatePlanSearch, validateStrategyMapSearch } from '../features/plans/search';
import { validateBudgetSearch, validateLedgerSearch, validatePrintSearch } from '../features/budget/search';
import { fiscalYear, page } from '../context/search-params';
import {
  validateAuditSearch,
  validateForumSearch,
  validateKnowledgeHistorySearch,
  validateKnowledgeSearch,
  validateMetricsSearch,
  validateNetworkSearch,
  validatePartnerSearch,
  validateRelationshipSearch,
  validateTextListSearch,
} from '../context/search';

const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const TenantLayout = lazy(() => import('../features/shell/TenantLayout'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const NetworksListPage = lazy(() => import('../features/networks/NetworksListPage'));
const NetworkDetailPage = lazy(() => import('../features/networks/NetworkDetailPage'));
const NetworkFormPage = lazy(() => import('../features/networks/NetworkFormPage'));
const PartnersListPage = lazy(() => import('../features/partners/PartnersListPage'));
const PartnerDetailPage = lazy(() => import('../features/partners/PartnerDetailPage'));
const PartnerFormPage = lazy(() => import('../features/partners/PartnerFormPage'));
const ImportPage = lazy(() => import('../features/partners/ImportPage'));
const RelationshipsPage = lazy(() => import('../features/relationships/RelationshipsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const KnowledgeListPage = lazy(() => import('../features/knowledge/KnowledgeListPage'));
const KnowledgeDetailPage = lazy(() => import('../features/knowledge/KnowledgeDetailPage'));
const KnowledgeFormPage = lazy(() => import('../features/knowledge/KnowledgeFormPage'));
const KnowledgeHistoryPage = lazy(() => import('../features/knowledge/KnowledgeHistoryPage'));
const MetricsPage = lazy(() => import('../features/knowledge/MetricsPage'));
const ForumsListPage = lazy(() => import('../features/forums/ForumsListPage'));
const ForumDetailPage = lazy(() => import('../features/forums/ForumDetailPage'));
const ForumFormPage = lazy(() => import('../features/forums/ForumFormPage'));
const PlansListPage = lazy(() => import('../features/plans/PlansListPage'));
const PlanDetailPage = lazy(() => import('../features/plans/PlanDetailPage'));
const PlanFormPage = lazy(() => import('../features/plans/PlanFormPage'));
const StrategyMapPage = lazy(() => import('../features/strategy/StrategyMapPage'));
const ParticipationPage = lazy(() => import('../features/participation/ParticipationPage'));
const manpower = {
  My: lazy(() => import('../features/manpower/MyPage')),
  Teams: lazy(() => import('../features/manpower/TeamsPage')),
  Team: lazy(() => import('../features/manpower/TeamPage')),
  Tasks: lazy(() => import('../features/manpower/TasksPage')),
  Hours: lazy(() => import('../features/manpower/HoursPage')),
  Certificate: lazy(() => import('../features/manpower/CertificatePage')),
  Public: lazy(() => import('../features/manpower/PublicVolunteersPage')),
};
const committees = {
  list: lazy(() => import('../features/committees/CommitteesPage')),
  detail: lazy(() => import('../features/committees/CommitteePage')),
  meeting: lazy(() => import('../features/committees/MeetingPage')),
};
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const localPlans = {
  list: lazy(() => import('../features/localplans/LocalPlansPage')),
  detail: lazy(() => import('../features/localplans/LocalPlanPage')),
};
const regulations = {
  list: lazy(() => import('../features/regulations/RegulationsPage')),
  detail: lazy(() => import('../features/regulations/RegulationPage')),
  public: lazy(() => import('../features/regulations/PublicRegulationsPage')),
  comments: lazy(() => import('../features/regulations/comments')),
  publicComments: lazy(() => import('../features/regulations/PublicCommentsPage')),
};
const water = {
  overview: lazy(() => import('../features/water/WaterPage')),
  rota: lazy(() => import('../features/water/RotaPage')),
  group: lazy(() => import('../features/water/GroupPage')),
  maintenance: lazy(() => import('../features/water/MaintenancePage')),
  publicRota: lazy(() => import('../features/water/PublicRotaPage')),
};
const budget = {
  overview: lazy(() => import('../features/budget/BudgetPage')),
  ledger: lazy(() => import('../features/budget/LedgerPage')),
  form: lazy(() => import('../features/budget/TransactionFormPage')),
  transaction: lazy(() => import('../features/budget/TransactionPage')),
  public: lazy(() => import('../features/budget/PublicBudgetPage')),
  print: lazy(() => import('../features/budget/PrintPage')),
};
const publicKnowledge = {
  list: lazy(() => import('../features/public-knowledge/PublicKnowledgePage')),
  item: lazy(() => import('../features/public-knowledge/PublicKnowledgeItemPage')),
};

const accounts = {
  invite: lazy(() => import('../features/accounts/InvitePage')),
  reset: lazy(() => import('../features/accounts/ResetPage')),
  password: lazy(() => import('../features/accounts/ChangePasswordPage')),
  tenants: lazy(() => import('../features/admin/TenantsAdminPage')),
};

/**
 * The page drawn at build time (scripts/prerender.ts) stays on screen until the app has drawn the same route:
 * this runs in the commit that first shows the route's own component, and hands over before the next paint.
 */
function PrerenderHandoff() {
  useLayoutEffect(() => {
    document.getElementById('prerender')?.remove();
  }, []);
  return null;
}

function Root() {
  return (
    <Suspense fallback={<Loading minHeight={320} />}>
      <Outlet />
      <PrerenderHandoff />
    </Suspense>
  );
}

const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFound });

const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: HomeRedirect });
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  component: LoginPage,
  validateSearch: (s: Record<string, unknown>): { tenant?: string; next?: string } => ({
    tenant: typeof s.tenant === 'string' ? s.tenant : undefined,
    next: typeof s.next === 'string' && s.next.startsWith('/t/') ? s.next : undefined,
  }),
});

const tenantRoute = createRoute({ getParentRoute: () => rootRoute, path: '/t/$tenant', component: TenantLayout });
const dashboardRoute = createRoute({ getParentRoute: () => tenantRoute, path: '/', component: DashboardPage });
const networksRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'networks', component: NetworksListPage, validateSearch: validateNetworkSearch });
const networkNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'networks/new', component: NetworkFormPage });
const networkRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'networks/$id', component: NetworkDetailPage });
const networkEditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'networks/$id/edit', component: NetworkFormPage });
const partnersRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'partners', component: PartnersListPage, validateSearch: validatePartnerSearch });
const partnerNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'partners/new', component: PartnerFormPage });
const partnerImportRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'partners/import', component: ImportPage });
const partnerRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'partners/$id', component: PartnerDetailPage });
const partnerEditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'partners/$id/edit', component: PartnerFormPage });
const relationshipsRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'relationships',
  component: RelationshipsPage,
  validateSearch: validateRelationshipSearch,
});
const usersRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'users', component: UsersPage });
const auditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'audit', component: AuditPage, validateSearch: validateAuditSearch });
const knowledgeRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'knowledge',
  component: KnowledgeListPage,
  validateSearch: validateKnowledgeSearch,
});
const knowledgeNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'knowledge/new', component: KnowledgeFormPage });
const knowledgeMetricsRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'knowledge/metrics',
  component: MetricsPage,
  validateSearch: validateMetricsSearch,
});
const knowledgeItemRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'knowledge/$id', component: KnowledgeDetailPage });
const knowledgeEditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'knowledge/$id/edit', component: KnowledgeFormPage });
const knowledgeHistoryRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'knowledge/$id/history',
  component: KnowledgeHistoryPage,
  validateSearch: validateKnowledgeHistorySearch,
});
const forumsRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'forums', component: ForumsListPage, validateSearch: validateForumSearch });
const forumNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'forums/new', component: ForumFormPage });
const forumRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'forums/$id', component: ForumDetailPage });
const forumEditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'forums/$id/edit', component: ForumFormPage });
const plansRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'plans', component: PlansListPage, validateSearch: validatePlanSearch });
const planNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'plans/new', component: PlanFormPage, validateSearch: validatePlanNewSearch });
const planRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'plans/$id', component: PlanDetailPage });
const planEditRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'plans/$id/edit', component: PlanFormPage });
const strategyRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'strategy',
  component: StrategyMapPage,
  validateSearch: validateStrategyMapSearch,
});
const participationRoute = createRoute({
  getParentRoute: () => tenantRoute,
  path: 'participation',
  component: ParticipationPage,
  validateSearch: validateParticipationSearch,
});
// manpower: member self-service, teams, tasks, volunteer hours; the certificate prints without the shell; the public list needs no login
const fiscalYearSearch = (s: Record<string, unknown>): { fiscalYear?: number } => ({ fiscalYear: fiscalYear(s.fiscalYear) });
const manpowerRoutes = [
  createRoute({ getParentRoute: () => tenantRoute, path: 'my', component: manpower.My }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'teams', component: manpower.Teams, validateSearch: validateTextListSearch }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'teams/$id', component: manpower.Team }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'tasks', component: manpower.Tasks }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'volunteer-hours', component: manpower.Hours }),
];
const certificateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/print/$tenant/certificate',
  component: manpower.Certificate,
  validateSearch: (s: Record<string, unknown>): { personId?: string; fiscalYear?: number } => ({
    personId: typeof s.personId === 'string' ? s.personId : undefined,
    ...fiscalYearSearch(s),
  }),
});
const publicVolunteersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/public/$tenant/volunteers',
  component: manpower.Public,
  validateSearch: fiscalYearSearch,
});

const budgetRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'budget', component: budget.overview, validateSearch: validateBudgetSearch });
const ledgerRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'budget/ledger', component: budget.ledger, validateSearch: validateLedgerSearch });
const ledgerNewRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'budget/ledger/new', component: budget.form });
const ledgerItemRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'budget/ledger/$id', component: budget.transaction });
// public pages: no login, outside the tenant layout
const publicBudgetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/p/$tenant/budget',
  component: budget.public,
  validateSearch: (s: Record<string, unknown>) => ({ ...validatePrintSearch(s), page: page(s.page) }),
});
const publicPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/p/$tenant/budget/print',
  component: budget.print,
  validateSearch: validatePrintSearch,
});

// accounts: opened from one-time links or before any tenant, outside the tenant layout
const accountRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/invite/$token', component: accounts.invite }),
  createRoute({ getParentRoute: () => rootRoute, path: '/reset/$token', component: accounts.reset }),
  createRoute({ getParentRoute: () => rootRoute, path: '/account/password', component: accounts.password }),
  createRoute({ getParentRoute: () => rootRoute, path: '/admin/tenants', component: accounts.tenants }),
];

const committeeRoutes = [
  createRoute({ getParentRoute: () => tenantRoute, path: 'committees', component: committees.list, validateSearch: validateTextListSearch }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'committees/$id', component: committees.detail }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'meetings/$id', component: committees.meeting }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'local-plans', component: localPlans.list }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'local-plans/$id', component: localPlans.detail }),
];
const notificationsRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'notifications', component: NotificationsPage });
// issue 14: community regulations and water management
const waterRoutes = [
  createRoute({ getParentRoute: () => tenantRoute, path: 'regulations', component: regulations.list }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'regulations/$id', component: regulations.detail }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'regulations/comment-periods/$periodId', component: regulations.comments }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'water/maintenance', component: water.maintenance }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'water', component: water.overview }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'water/rota/$id', component: water.rota }),
  createRoute({ getParentRoute: () => tenantRoute, path: 'water/groups/$id', component: water.group }),
];
const publicKnowledgeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/p/$tenant/knowledge',
  component: publicKnowledge.list,
  validateSearch: validateTextListSearch,
});
// issue 15: PDPA
const privacy = {
  admin: lazy(() => import('../features/privacy/PrivacyAdminPage')),
  notice: lazy(() => import('../features/privacy/PublicPrivacyNoticePage')),
};
const privacyRoute = createRoute({ getParentRoute: () => tenantRoute, path: 'privacy', component: privacy.admin });
const publicPrivacyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/p/$tenant/privacy', component: privacy.notice });
const publicRegulationsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/p/$tenant/regulations', component: regulations.public });
const publicCommentsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/p/$tenant/regulations/comments', component: regulations.publicComments });
const publicRotaRoute = createRoute({ getParentRoute: () => rootRoute, path: '/p/$tenant/water/rota', component: water.publicRota });
const publicKnowledgeItemRoute = createRoute({ getParentRoute: () => rootRoute, path: '/p/$tenant/knowledge/$id', component: publicKnowledge.item });

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  ...accountRoutes,
  certificateRoute,
  publicVolunteersRoute,
  publicBudgetRoute,
  publicPrintRoute,
  publicKnowledgeRoute,
  publicKnowledgeItemRoute,
  publicRegulationsRoute,
  publicCommentsRoute,
  publicRotaRoute,
  publicPrivacyRoute,
  tenantRoute.addChildren([
    privacyRoute,
    ...manpowerRoutes,
    ...committeeRoutes,
    ...waterRoutes,
    notificationsRoute,
    budgetRoute,
    ledgerRoute,
    ledgerNewRoute,
    ledgerItemRoute,
    dashboardRoute,
    networksRoute,
    networkNewRoute,
    networkRoute,
    networkEditRoute,
    partnersRoute,
    partnerNewRoute,
    partnerImportRoute,
    partnerRoute,
    partnerEditRoute,
    relationshipsRoute,
    knowledgeRoute,
    knowledgeNewRoute,
    knowledgeMetricsRoute,
    knowledgeItemRoute,
    knowledgeEditRoute,
    knowledgeHistoryRoute,
    forumsRoute,
    forumNewRoute,
    forumRoute,
    forumEditRoute,
    plansRoute,
    planNewRoute,
    planRoute,
    planEditRoute,
    strategyRoute,
    participationRoute,
    usersRoute,
    auditRoute,
  ]),
]);

/** The app's router; `history` is given when a page is drawn at build time (web/src/prerender.tsx). */
export function createAppRouter(history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    defaultPreload: 'intent',
    defaultPendingMinMs: 0,
    scrollRestoration: true,
  });
}

export const router = createAppRouter();

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

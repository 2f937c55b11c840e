import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { actionRegister } from '../schema/actions/action.register.js';
import { scopeRegister } from '../schema/scope/scope.register.js';
import { sessionQuery, setupQuery } from './lib/session.js';
import { NotFoundPage } from './app/not-found-page.js';
import { AUDIT_SEARCH_KEYS } from './admin/audit-filters.js';
import { parseDocumentSearch } from './versioning/versioned-document-page.js';
import * as contextPages from './context/context-pages.js';
import { issueRegister } from '../schema/context/issue.register.js';
import { interestedPartyRegister } from '../schema/context/interested-party.register.js';
import { requirementRegister } from '../schema/context/requirement.register.js';
import { builtModulePath } from './modules/planned-modules.js';
import { parseRegisterSearch } from './register/register-search.js';
import { RootLayout, RouteError, RoutePending } from './app/root-layout.js';
import { leadershipRoutes } from './leadership/leadership-routes.js';
import { assetRoutes } from './assets/assets-routes.js';
import { ismsRiskRoutes } from './risks/isms-risks-routes.js';
import { riskMethodologyRoutes } from './risks/methodology/methodology-routes.js';
import { riskRoutes } from './risks/risk-routes.js';
import { evidenceRoutes } from './evidence/evidence-routes.js';
import { controlRoutes } from './controls/controls-routes.js';
import { soaRoutes } from './controls/soa/soa-routes.js';
import { treatmentPlanRoutes } from './controls/plan/plan-routes.js';
import { documentRoutes } from './documents/documents-routes.js';
import { auditProgrammeRoutes } from './internal-audit/programme/programme-routes.js';
import { internalAuditRoutes } from './internal-audit/audits/audits-routes.js';
import { improvementRoutes } from './improvement/improvement-routes.js';
import { objectivesRoutes } from './objectives/objectives-routes.js';
import { measurementRoutes } from './measurement/measurement-routes.js';
import { certificationRoutes } from './certification/certification-routes.js';
import { treatmentResultRoutes } from './controls/results/treatment-results-routes.js';
import { managementReviewRoutes } from './management-review/management-review-routes.js';

// Pages load with their route (one chunk each), so the first page does not wait for the whole app.
const SetupPage = lazyRouteComponent(() => import('./auth/setup-page.js'), 'SetupPage');
const SignInPage = lazyRouteComponent(() => import('./auth/sign-in-page.js'), 'SignInPage');
const AppShell = lazyRouteComponent(() => import('./app/app-shell.js'), 'AppShell');
const NoOrganizationPage = lazyRouteComponent(() => import('./app/no-organization-page.js'), 'NoOrganizationPage');
const HomePage = lazyRouteComponent(() => import('./home/home-page.js'), 'HomePage');
const ActionsPage = lazyRouteComponent(() => import('./actions/actions-page.js'), 'ActionsPage');
const ActionDetailPage = lazyRouteComponent(() => import('./actions/action-detail-page.js'), 'ActionDetailPage');
const ActionEditPage = lazyRouteComponent(() => import('./actions/action-form-pages.js'), 'ActionEditPage');
const ActionNewPage = lazyRouteComponent(() => import('./actions/action-form-pages.js'), 'ActionNewPage');
const MembersPage = lazyRouteComponent(() => import('./admin/members-page.js'), 'MembersPage');
const TokensPage = lazyRouteComponent(() => import('./admin/tokens-page.js'), 'TokensPage');
const AutomationAccountsPage = lazyRouteComponent(
  () => import('./admin/automation-accounts-page.js'),
  'AutomationAccountsPage',
);
const AuditPage = lazyRouteComponent(() => import('./admin/audit-page.js'), 'AuditPage');
const ScopesPage = lazyRouteComponent(() => import('./scope/scopes-page.js'), 'ScopesPage');
const ScopeNewPage = lazyRouteComponent(() => import('./scope/scope-new-page.js'), 'ScopeNewPage');
const ScopeDocumentPage = lazyRouteComponent(() => import('./scope/scope-document-page.js'), 'ScopeDocumentPage');
const AccountPage = lazyRouteComponent(() => import('./account/account-page.js'), 'AccountPage');
const InvitePage = lazyRouteComponent(() => import('./account/invite-page.js'), 'InvitePage');
const ModulePlaceholderPage = lazyRouteComponent(
  () => import('./modules/module-placeholder-page.js'),
  'ModulePlaceholderPage',
);

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
  pendingComponent: RoutePending,
});

/** `/`: first run → setup; signed out → sign-in; otherwise the first organization. */
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/setup' });
    const session = await context.queryClient.fetchQuery(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in' });
    const first = session.organizations[0];
    if (!first) throw redirect({ to: '/welcome' });
    throw redirect({ to: '/o/$org', params: { org: first.slug } });
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'setup',
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.fetchQuery({ ...setupQuery, staleTime: 0 });
    if (!setup.needed) throw redirect({ to: '/' });
  },
  component: SetupPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (s: Record<string, unknown>): { redirect?: string; reason?: string } => ({
    redirect: typeof s.redirect === 'string' ? s.redirect : undefined,
    reason: typeof s.reason === 'string' ? s.reason : undefined,
  }),
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.fetchQuery(setupQuery);
    if (setup.needed) throw redirect({ to: '/setup' });
    // Already signed in (a bookmarked sign-in page): straight to the app.
    if (await context.queryClient.fetchQuery(sessionQuery)) throw redirect({ to: '/' });
  },
  component: SignInPage,
});

const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'welcome',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: NoOrganizationPage,
});

const orgRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'o/$org',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
  },
  component: AppShell,
});

const orgHomeRoute = createRoute({ getParentRoute: () => orgRoute, path: '/', component: HomePage });
const accountRoute = createRoute({ getParentRoute: () => orgRoute, path: 'account', component: AccountPage });
// the invitation's secret is in the URL fragment (`/invite#…`), never sent to the server or its logs
const inviteRoute = createRoute({ getParentRoute: () => rootRoute, path: 'invite', component: InvitePage });

const actionsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'actions',
  validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(actionRegister, s),
  component: ActionsPage,
});
const actionNewRoute = createRoute({ getParentRoute: () => orgRoute, path: 'actions/new', component: ActionNewPage });
const actionDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'actions/$id',
  validateSearch: (s: Record<string, unknown>): { created?: string } => ({
    created: s.created ? String(s.created) : undefined,
  }),
  component: ActionDetailPage,
});
const actionEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'actions/$id/edit',
  component: ActionEditPage,
});

const scopesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'scopes',
  validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(scopeRegister, s),
  component: ScopesPage,
});
const scopeNewRoute = createRoute({ getParentRoute: () => orgRoute, path: 'scopes/new', component: ScopeNewPage });
const scopeDocumentRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'scopes/$id',
  validateSearch: parseDocumentSearch,
  component: ScopeDocumentPage,
});

// Context (4.1 issues with the climate decision, 4.2 interested parties and requirements): list, new, detail, edit.
const createdSearch = (s: Record<string, unknown>): { created?: string } => ({
  created: s.created ? String(s.created) : undefined,
});
const issuesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'issues',
  validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(issueRegister, s),
  component: contextPages.IssuesPage,
});
const issueNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'issues/new',
  component: contextPages.IssueNewPage,
});
const issueDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'issues/$id',
  validateSearch: createdSearch,
  component: contextPages.IssueDetailPage,
});
const issueEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'issues/$id/edit',
  component: contextPages.IssueEditPage,
});
const partiesRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'interested-parties',
  validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(interestedPartyRegister, s),
  component: contextPages.InterestedPartiesPage,
});
const partyNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'interested-parties/new',
  component: contextPages.InterestedPartyNewPage,
});
const partyDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'interested-parties/$id',
  validateSearch: createdSearch,
  component: contextPages.InterestedPartyDetailPage,
});
const partyEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'interested-parties/$id/edit',
  component: contextPages.InterestedPartyEditPage,
});
const requirementsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'requirements',
  validateSearch: (s: Record<string, unknown>) => parseRegisterSearch(requirementRegister, s),
  component: contextPages.RequirementsPage,
});
const requirementNewRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'requirements/new',
  validateSearch: (s: Record<string, unknown>): { partyId?: string } => ({
    partyId: typeof s.partyId === 'string' ? s.partyId : undefined,
  }),
  component: contextPages.RequirementNewPage,
});
const requirementDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'requirements/$id',
  validateSearch: createdSearch,
  component: contextPages.RequirementDetailPage,
});
const requirementEditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'requirements/$id/edit',
  component: contextPages.RequirementEditPage,
});

const membersRoute = createRoute({ getParentRoute: () => orgRoute, path: 'members', component: MembersPage });
const tokensRoute = createRoute({ getParentRoute: () => orgRoute, path: 'tokens', component: TokensPage });
const automationAccountsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'automation-accounts',
  component: AutomationAccountsPage,
});
const auditRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'audit',
  validateSearch: (s: Record<string, unknown>) => {
    const out: Record<string, string | undefined> = {};
    for (const k of AUDIT_SEARCH_KEYS) if (s[k] !== undefined && s[k] !== '') out[k] = String(s[k]);
    return out;
  },
  component: AuditPage,
});
const moduleRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: 'm/$module',
  // a module built since it was planned: its page, not a placeholder
  beforeLoad: ({ params }) => {
    const built = builtModulePath(params.module);
    // the built page's address is known only at run time, so the typed route tree cannot check it
    if (built) throw redirect({ to: `/o/${encodeURIComponent(params.org)}/${built}` as '/', replace: true });
  },
  component: ModulePlaceholderPage,
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  signInRoute,
  welcomeRoute,
  inviteRoute,
  orgRoute.addChildren([
    orgHomeRoute,
    accountRoute,
    actionsRoute,
    actionNewRoute,
    actionDetailRoute,
    actionEditRoute,
    scopesRoute,
    scopeNewRoute,
    scopeDocumentRoute,
    issuesRoute,
    issueNewRoute,
    issueDetailRoute,
    issueEditRoute,
    partiesRoute,
    partyNewRoute,
    partyDetailRoute,
    partyEditRoute,
    requirementsRoute,
    requirementNewRoute,
    requirementDetailRoute,
    requirementEditRoute,
    membersRoute,
    tokensRoute,
    automationAccountsRoute,
    auditRoute,
    moduleRoute,
    ...leadershipRoutes(orgRoute),
    ...assetRoutes(orgRoute),
    ...ismsRiskRoutes(orgRoute),
    ...riskMethodologyRoutes(orgRoute),
    ...riskRoutes(orgRoute),
    ...controlRoutes(orgRoute),
    ...soaRoutes(orgRoute),
    ...treatmentPlanRoutes(orgRoute),
    ...evidenceRoutes(orgRoute),
    ...documentRoutes(orgRoute),
    ...auditProgrammeRoutes(orgRoute),
    ...internalAuditRoutes(orgRoute),
    ...improvementRoutes(orgRoute),
    ...objectivesRoutes(orgRoute),
    ...measurementRoutes(orgRoute),
    ...certificationRoutes(orgRoute),
    ...treatmentResultRoutes(orgRoute),
    ...managementReviewRoutes(orgRoute),
  ]),
]);

/** Query strings are plain `key=value` pairs (no JSON encoding), so URLs read like the API queries they mirror. */
function parseSearch(search: string): Record<string, unknown> {
  return Object.fromEntries(new URLSearchParams(search));
}
function stringifySearch(search: Record<string, unknown>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) if (v !== undefined && v !== null && v !== '') usp.set(k, String(v));
  const s = usp.toString();
  return s ? `?${s}` : '';
}

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    defaultPreload: false,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

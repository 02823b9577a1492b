import type { TenantRole } from './schemas/enums';

/**
 * Who may do what inside a local government — the one table the API and the web share.
 *
 * The server's route declarations (server/platform/access.ts) are built from these groups, and the
 * web hides every button, menu item and form a role cannot use by asking `can(role, action)`.
 * server/platform/permissions.test.ts calls every route listed under an action as each role and
 * checks that the API refuses exactly the roles the action leaves out, so the table cannot drift
 * from the routes. Routes are written `METHOD /path` under `/api/v1/t/:tenant`.
 */
export const ROLE_GROUPS = {
  everyone: ['admin', 'officer', 'coordinator', 'member'],
  editors: ['admin', 'officer', 'coordinator'],
  officers: ['admin', 'officer'],
  admins: ['admin'],
} as const satisfies Record<string, readonly TenantRole[]>;
export type RoleGroup = keyof typeof ROLE_GROUPS;

interface ActionRule {
  who: RoleGroup;
  /** The routes that enforce it (empty only when a service checks it; say where). */
  routes: readonly string[];
}

export const ACTIONS = {
  // networks and their members
  createNetwork: { who: 'officers', routes: ['POST /networks'] },
  editNetwork: { who: 'editors', routes: ['PATCH /networks/:id'] },
  deleteNetwork: { who: 'admins', routes: ['DELETE /networks/:id'] },
  manageMembers: { who: 'editors', routes: ['POST /networks/:id/members', 'PATCH /networks/:id/members/:memberId', 'DELETE /networks/:id/members/:memberId'] },
  exportData: { who: 'editors', routes: ['GET /networks/export', 'GET /partners/export'] },
  // partners
  editPartner: { who: 'editors', routes: ['POST /partners', 'PATCH /partners/:id'] },
  deletePartner: { who: 'officers', routes: ['DELETE /partners/:id'] },
  importPartners: { who: 'officers', routes: ['GET /partners/import/template', 'POST /partners/import/preview', 'POST /partners/import'] },
  editRelationships: { who: 'editors', routes: ['POST /relationships', 'PATCH /relationships/:id', 'DELETE /relationships/:id'] },
  // accounts and the audit log
  manageUsers: {
    who: 'admins',
    routes: ['GET /users', 'PATCH /users/:id', 'GET /invitations', 'POST /invitations', 'DELETE /invitations/:id', 'POST /users/:id/reset-link'],
  },
  viewAudit: { who: 'admins', routes: ['GET /audit'] },
  // the dashboard's recent activity (who did what, not what changed): checked in dashboard.service.ts
  seeRecentActivity: { who: 'officers', routes: [] },
  // knowledge and forums: editors write, officers delete
  editKnowledge: {
    who: 'editors',
    routes: [
      'POST /knowledge',
      'POST /knowledge/preview',
      'PATCH /knowledge/:id',
      'POST /knowledge/:id/versions/:version/restore',
      'POST /knowledge/:id/attachments',
      'DELETE /knowledge/:id/attachments/:attachmentId',
    ],
  },
  deleteKnowledge: { who: 'officers', routes: ['DELETE /knowledge/:id'] },
  editForum: { who: 'editors', routes: ['POST /forums', 'PATCH /forums/:id', 'POST /forums/:id/attachments', 'DELETE /forums/:id/attachments/:attachmentId'] },
  deleteForum: { who: 'officers', routes: ['DELETE /forums/:id'] },
  // strategy map: officers shape it, editors record measurements, officers delete them
  editStrategy: {
    who: 'officers',
    routes: [
      'PUT /strategy/frame',
      'POST /strategy/goals',
      'PATCH /strategy/goals/:id',
      'DELETE /strategy/goals/:id',
      'POST /strategy/strategies',
      'PATCH /strategy/strategies/:id',
      'DELETE /strategy/strategies/:id',
      'POST /strategy/indicators',
      'PATCH /strategy/indicators/:id',
      'DELETE /strategy/indicators/:id',
    ],
  },
  measure: { who: 'editors', routes: ['POST /strategy/indicators/:id/measurements'] },
  deleteMeasurement: { who: 'officers', routes: ['DELETE /strategy/indicators/:id/measurements/:measurementId'] },
  // photos and files on progress reports and measurements; a file is deleted by its uploader or an officer (evidence.service.ts)
  attachEvidence: {
    who: 'editors',
    routes: [
      'POST /plans/:id/activities/:activityId/progress/:reportId/files',
      'DELETE /plans/:id/activities/:activityId/progress/:reportId/files/:fileId',
      'POST /strategy/indicators/:id/measurements/:measurementId/files',
      'DELETE /strategy/indicators/:id/measurements/:measurementId/files/:fileId',
    ],
  },
  // joint plans
  editPlan: {
    who: 'editors',
    routes: [
      'POST /plans',
      'PATCH /plans/:id',
      'POST /plans/:id/carry-forward',
      'POST /plans/:id/projects',
      'PATCH /plans/:id/projects/:projectId',
      'DELETE /plans/:id/projects/:projectId',
      'POST /plans/:id/projects/:projectId/activities',
      'PATCH /plans/:id/activities/:activityId',
      'DELETE /plans/:id/activities/:activityId',
      'POST /plans/:id/activities/:activityId/progress',
    ],
  },
  deletePlan: { who: 'officers', routes: ['DELETE /plans/:id'] },
  exportPlan: { who: 'editors', routes: ['GET /plans/:id/export'] },
  recordParticipation: { who: 'editors', routes: ['POST /participation', 'POST /participation/bulk', 'DELETE /participation/:id'] },
  // teams, tasks, volunteer hours
  editTeam: { who: 'editors', routes: ['POST /teams', 'PATCH /teams/:id', 'DELETE /teams/:id'] },
  editTask: { who: 'editors', routes: ['POST /tasks', 'PATCH /tasks/:id', 'DELETE /tasks/:id', 'GET /tasks/:id/helpers', 'GET /people/helpers'] },
  reviewHours: { who: 'editors', routes: ['POST /volunteer-hours/:id/confirm', 'POST /volunteer-hours/:id/return'] },
  logHours: { who: 'everyone', routes: ['POST /volunteer-hours', 'PATCH /volunteer-hours/:id', 'DELETE /volunteer-hours/:id'] },
  // budget and ledger
  changeBudgetSettings: { who: 'admins', routes: ['PUT /budget/settings'] },
  decideBudgetSettings: { who: 'officers', routes: ['POST /budget/settings/approve', 'POST /budget/settings/reject'] },
  editFund: { who: 'editors', routes: ['POST /budget/funds', 'PATCH /budget/funds/:id'] },
  deleteFund: { who: 'officers', routes: ['DELETE /budget/funds/:id'] },
  editBudgetLine: { who: 'editors', routes: ['POST /budget/lines', 'PATCH /budget/lines/:id'] },
  deleteBudgetLine: { who: 'officers', routes: ['DELETE /budget/lines/:id'] },
  recordTransaction: {
    who: 'editors',
    routes: ['POST /ledger/transactions', 'POST /ledger/transactions/:id/reverse', 'POST /ledger/transactions/:id/evidence'],
  },
  approveTransaction: { who: 'officers', routes: ['POST /ledger/transactions/:id/approve', 'POST /ledger/transactions/:id/reject'] },
  // committees: officers appoint, editors run meetings
  manageCommittees: {
    who: 'officers',
    routes: [
      'POST /committees',
      'PATCH /committees/:id',
      'DELETE /committees/:id',
      'POST /committees/:id/members',
      'PATCH /committees/:id/members/:memberId',
      'DELETE /committees/:id/members/:memberId',
    ],
  },
  runMeetings: {
    who: 'editors',
    routes: [
      'POST /meetings',
      'PATCH /meetings/:id',
      'DELETE /meetings/:id',
      'POST /meetings/:id/agenda',
      'PATCH /meetings/:id/agenda/:itemId',
      'DELETE /meetings/:id/agenda/:itemId',
      'PUT /meetings/:id/attendance',
      'PUT /meetings/:id/minutes',
      'POST /meetings/:id/certify-minutes',
      'POST /meetings/:id/resolutions',
      'DELETE /resolutions/:id',
      'POST /resolutions/:id/action-items',
    ],
  },
  /** A resolution that acts (appoints, adopts a plan…): checked in committees/resolutions.service.ts. */
  actOnResolutions: { who: 'officers', routes: [] },
  // local development plans
  manageLocalPlans: {
    who: 'officers',
    routes: [
      'POST /local-plans',
      'POST /local-plans/:id/strategies',
      'POST /local-plans/:id/strategies/:strategyId/programmes',
      'POST /local-plans/:id/editions',
      'PATCH /local-plans/:id/projects/:itemId',
      'PUT /local-plans/assignments/:projectId',
      'PATCH /local-plans/:id',
      'PATCH /local-plans/:id/strategies/:strategyId',
      'PATCH /local-plans/:id/programmes/:programmeId',
      'PATCH /local-plans/shared/:id',
    ],
  },
  // which Phakhi tenant a partner local government is (docs/decisions/0016): what its plans carry is then sent there
  linkTenants: { who: 'admins', routes: ['PUT /local-plans/local-governments/:partyId/link'] },
  // community regulations: officers draft, version and record adoption (a committee resolution adopts through runMeetings/actOnResolutions)
  manageRegulations: {
    who: 'officers',
    routes: [
      'POST /regulations',
      'POST /regulations/:id/versions',
      'PUT /regulations/:id/versions/:versionId',
      'POST /regulations/:id/versions/:versionId/community-vote',
      'POST /regulations/:id/versions/:versionId/comment-periods',
      'POST /regulations/comments/:commentId/answer',
    ],
  },
  // comments on a draft's clauses while its comment period is open (comments.service.ts; citizens through the public page)
  commentOnRegulations: { who: 'everyone', routes: ['POST /regulations/comment-periods/:periodId/comments'] },
  // water: officers set up sources, groups and rotas and levy fines; editors (the weir's coordinators) keep members and conditions up to date and report incidents
  manageWater: {
    who: 'officers',
    routes: [
      'POST /water/sources',
      'POST /water/groups',
      'POST /water/rota',
      'POST /water/rota/:id/publish',
      'PATCH /water/rota/:id/turns/:turnId',
      'POST /water/incidents/:id/fines',
      'POST /water/incidents/:id/fines/:fineId/pay',
      'POST /water/maintenance',
      'PATCH /water/maintenance/:id',
      'DELETE /water/maintenance/:id',
      'PUT /water/groups/:id/duty-rule',
    ],
  },
  // swapping turns: a member offers their group's turn, the other group's head or an officer decides (swaps.service.ts)
  swapTurns: { who: 'everyone', routes: ['POST /water/rota/:id/swaps', 'POST /water/swaps/:swapId/accept', 'POST /water/swaps/:swapId/decline'] },
  keepWater: {
    who: 'editors',
    routes: [
      'PATCH /water/sources/:id',
      'PUT /water/groups/:id/members',
      'POST /water/incidents',
      'PATCH /water/incidents/:id',
      'POST /water/incidents/:id/files',
      'DELETE /water/incidents/:id/files/:fileId',
      'POST /water/maintenance/:id/contributions',
      'PATCH /water/maintenance/:id/contributions/:contributionId',
      'DELETE /water/maintenance/:id/contributions/:contributionId',
    ],
  },
  // notifications: each person reads and marks their own and chooses their channels (notifications.service.ts answers only the caller's)
  readNotifications: { who: 'everyone', routes: ['POST /notifications/:id/read', 'POST /notifications/read-all', 'PUT /notifications/preferences'] },
  // the e-mail outbox: admins see what failed and send it again
  manageOutbox: { who: 'admins', routes: ['GET /notifications/outbox', 'POST /notifications/outbox/:id/retry'] },
  // PDPA (server/modules/privacy): editors keep consents, officers export a person's data and read the ROPA, admins erase and
  // run the privacy settings (notice, ROPA, access log of unmasked contacts, retention)
  keepConsents: {
    who: 'editors',
    routes: ['GET /privacy/people/:partyId', 'POST /privacy/people/:partyId/consents', 'POST /privacy/consents/:consentId/withdraw'],
  },
  exportPersonalData: { who: 'officers', routes: ['GET /privacy/people/:partyId/export', 'GET /privacy/activities', 'GET /privacy/activities/export'] },
  erasePersonalData: { who: 'admins', routes: ['POST /privacy/people/:partyId/erase'] },
  managePrivacy: {
    who: 'admins',
    routes: [
      'GET /privacy/notice',
      'PUT /privacy/notice',
      'POST /privacy/activities',
      'PATCH /privacy/activities/:id',
      'DELETE /privacy/activities/:id',
      'GET /privacy/access-log',
      'GET /privacy/retention',
      'PUT /privacy/retention',
      'POST /privacy/retention/run',
    ],
  },
} as const satisfies Record<string, ActionRule>;
export type Action = keyof typeof ACTIONS;

/** Whether a role may take an action (the platform admin acts as a tenant admin and may do all). */
export function can(role: TenantRole | 'platform_admin', action: Action): boolean {
  if (role === 'platform_admin') return true;
  return (ROLE_GROUPS[ACTIONS[action].who] as readonly TenantRole[]).includes(role);
}

/** Every action for one role, e.g. `permissionsOf('member').editPlan === false`. */
export function permissionsOf(role: TenantRole | 'platform_admin'): Record<Action, boolean> {
  return Object.fromEntries((Object.keys(ACTIONS) as Action[]).map((a) => [a, can(role, a)])) as Record<Action, boolean>;
}

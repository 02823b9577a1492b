import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes';
import { accountRoutes } from './accounts/accounts.routes';
import { platformRoutes } from './tenants/tenants.routes';
import { partnerRoutes } from './partners/partners.routes';
import { relationshipRoutes } from './relationships/relationships.routes';
import { networkRoutes } from './networks/networks.routes';
import { userRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { knowledgeRoutes } from './knowledge/knowledge.routes';
import { strategyRoutes } from './strategy/strategy.routes';
import { planRoutes } from './plans/plans.routes';
import { participationRoutes } from './participation/participation.routes';
import { manpowerRoutes } from './manpower/manpower.routes';
import { budgetRoutes } from './budget/budget.routes';
import { committeeRoutes } from './committees/committees.routes';
import { yearRoutes } from './years/years.routes';
import { publicKnowledgeRoutes } from './knowledge/public.routes';
import { localPlanRoutes } from './localplans/localplans.routes';
import { evidenceRoutes } from './evidence/evidence.routes';
import { regulationRoutes } from './regulations/regulations.routes';
import { waterRoutes } from './water/water.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { privacyRoutes } from './privacy/privacy.routes';

/** Every domain module's routes. A new module adds one line here. */
export async function registerModules(app: FastifyInstance) {
  for (const routes of [
    platformRoutes,
    authRoutes,
    accountRoutes,
    partnerRoutes,
    relationshipRoutes,
    networkRoutes,
    userRoutes,
    auditRoutes,
    dashboardRoutes,
    knowledgeRoutes,
    strategyRoutes,
    planRoutes,
    participationRoutes,
    manpowerRoutes,
    budgetRoutes,
    committeeRoutes,
    yearRoutes,
    publicKnowledgeRoutes,
    localPlanRoutes,
    evidenceRoutes,
    regulationRoutes,
    waterRoutes,
    notificationRoutes,
    privacyRoutes,
  ]) {
    await routes(app);
  }
}

import type { PartySummary } from '../../../common/schemas/partners';
import type { PlanDetail, PlanSummary, WeightBy, WorkStatus } from '../../../common/schemas/plans';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { todayInThailand } from '../../platform/today';
import { presentPartySummary } from '../partners/partners.present';
import * as repo from './plans.repository';
import { activityProgress, planProgress, projectBudget, projectProgress } from './rollup';
import { effectiveDates, scheduleState } from './schedule';
import { uniq } from '../../../common/arrays';

/** A plan as the API shows it: summaries for the list, the whole tree (projects, activities, people, schedule) for one plan. */

type Loaded = Awaited<ReturnType<typeof repo.loadForPlans>>;

export function summaries(rows: repo.PlanRow[], loaded: Loaded, today = todayInThailand()): PlanSummary[] {
  const netsBy = groupBy(loaded.nets, (n) => n.planId);
  const projectsBy = groupBy(loaded.projects, (p) => p.planId);
  const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
  const successor = new Map(loaded.successors.map((s) => [s.predecessorPlanId, s.id]));
  return rows.map((p) => {
    const projects = (projectsBy.get(p.id) ?? []).map((pr) => ({ ...pr, activities: activitiesBy.get(pr.id) ?? [] }));
    const progress = planProgress(projects, p.weightBy);
    return {
      id: p.id,
      name: p.name,
      fiscalYear: p.fiscalYear,
      startDate: p.startDate,
      endDate: p.endDate,
      description: p.description,
      weightBy: p.weightBy as WeightBy,
      networks: (netsBy.get(p.id) ?? []).map((n) => ({ id: n.id, name: n.name })),
      predecessorPlanId: p.predecessorPlanId,
      successorPlanId: successor.get(p.id) ?? null,
      projectCount: projects.length,
      activityCount: projects.reduce((s, pr) => s + pr.activities.length, 0),
      budgetSatang: projects.reduce((s, pr) => s + (pr.status === 'cancelled' ? 0 : projectBudget(pr)), 0),
      progress,
      schedule: scheduleState({ status: 'planned', progress, endDate: p.endDate, fiscalYear: p.fiscalYear }, today),
      createdAt: isoTime(p.createdAt),
      updatedAt: isoTime(p.updatedAt),
    };
  });
}

export function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

export async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<PlanDetail> {
  const plan = await repo.getPlan(tx, ctx.tenant.id, id);
  if (!plan) throw new AppError('not_found');
  const loaded = await repo.loadForPlans(tx, ctx.tenant.id, [id]);
  const partyIds = uniq([...loaded.projects, ...loaded.activities].flatMap((w) => [w.leadPartyId, ...w.supportingPartyIds]).filter((x): x is string => !!x));
  const people = await repo.partySummaries(tx, ctx.tenant.id, partyIds);
  const links = await repo.projectIndicatorLinks(
    tx,
    ctx.tenant.id,
    loaded.projects.map((p) => p.id),
  );
  const reports = await repo.lastReports(
    tx,
    ctx.tenant.id,
    loaded.activities.map((a) => a.id),
  );
  const party = new Map(people.map((p) => [p.id, presentPartySummary(p)]));
  const lead = (id: string | null) => (id ? (party.get(id) ?? null) : null);
  const supporting = (ids: string[]) => ids.map((x) => party.get(x)).filter((x): x is PartySummary => !!x);
  const indicatorsBy = groupBy(links, (l) => l.projectId);
  const lastReported = new Map(reports.map((r) => [r.activityId, r.lastReportedOn]));
  const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
  const today = todayInThailand();
  const [summary] = summaries([plan], loaded, today);
  const when = (w: { status: string; progress: number | null }, dates: ReturnType<typeof effectiveDates>) => ({
    schedule: scheduleState({ status: w.status, progress: w.progress, endDate: dates.effectiveEndDate, fiscalYear: plan.fiscalYear }, today),
    ...dates,
  });
  return {
    ...summary,
    projects: loaded.projects.map((p) => {
      const acts = activitiesBy.get(p.id) ?? [];
      const projectDates = effectiveDates(p, { startDate: plan.startDate, endDate: plan.endDate, from: 'plan' });
      const projectProgressValue = projectProgress({ ...p, activities: acts });
      // an activity without dates takes its project's own dates, or else the plan's
      const parentOfActivity = {
        startDate: projectDates.effectiveStartDate,
        endDate: projectDates.effectiveEndDate,
        from: projectDates.datesFrom === 'own' ? ('project' as const) : ('plan' as const),
      };
      return {
        id: p.id,
        name: p.name,
        objectives: p.objectives,
        outputTarget: p.outputTarget,
        indicatorText: p.indicatorText,
        lead: lead(p.leadPartyId),
        supporting: supporting(p.supportingPartyIds),
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status as WorkStatus,
        weight: p.weight,
        weightBy: p.weightBy as WeightBy,
        budgetSatang: projectBudget({ activities: acts }),
        progress: projectProgressValue,
        ...when({ status: p.status, progress: projectProgressValue }, projectDates),
        strategyId: p.strategyId,
        indicatorIds: (indicatorsBy.get(p.id) ?? []).map((l) => l.indicatorId),
        predecessorProjectId: p.predecessorProjectId,
        activities: acts.map((a) => ({
          id: a.id,
          projectId: a.projectId,
          name: a.name,
          objectives: a.objectives,
          outputTarget: a.outputTarget,
          indicatorText: a.indicatorText,
          lead: lead(a.leadPartyId),
          supporting: supporting(a.supportingPartyIds),
          startDate: a.startDate,
          endDate: a.endDate,
          status: a.status as WorkStatus,
          weight: a.weight,
          budgetSatang: a.budgetSatang,
          progress: activityProgress(a),
          ...when({ status: a.status, progress: activityProgress(a) }, effectiveDates(a, parentOfActivity)),
          reportedProgress: a.progress,
          lastReportedOn: lastReported.get(a.id) ?? null,
          predecessorActivityId: a.predecessorActivityId,
        })),
      };
    }),
  };
}

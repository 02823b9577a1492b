import type { z } from 'zod';
import type { carryForwardBody, carryForwardResult, WeightBy } from '../../../../common/schemas/plans';
import { auditMany, type AuditEvent } from '../../../platform/audit';
import type { TenantContext } from '../../../platform/context';
import { withTenant } from '../../../platform/db';
import { planOr404, touchPlan } from '../checks';
import { groupBy, loadDetail } from '../detail';
import { createPlanTx } from '../plans.service';
import * as repo from '../plans.repository';
import * as work from '../work.repository';

const UNFINISHED = (s: string) => s !== 'done' && s !== 'cancelled';

/** The same calendar day one year later, clamped into [start, end] (29 Feb → 28 Feb). */
export function nextYearDate(d: string | null, range: { start: string; end: string }): string | null {
  if (!d) return null;
  const [y, m, day] = d.split('-').map(Number);
  const shifted = m === 2 && day === 29 ? `${y + 1}-02-28` : `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return shifted < range.start ? range.start : shifted > range.end ? range.end : shifted;
}

export function nextName(name: string, fiscalYear: number): string {
  return name.includes(String(fiscalYear)) ? name.replaceAll(String(fiscalYear), String(fiscalYear + 1)) : `${name} (ต่อเนื่อง ปีงบประมาณ ${fiscalYear + 1})`;
}

/**
 * Which projects of the plan go forward, each with the activities to carry: a project that is not done or
 * cancelled and has unfinished activities or none yet; of its activities the unfinished ones not carried before.
 * A project already carried still comes back (with the activities it lacks), so a second run only adds.
 */
export function toCarry<P extends { id: string; status: string }, A extends { id: string; status: string }>(
  projects: P[],
  activitiesBy: Map<string, A[]>,
  carriedActivity: Set<string>,
): { project: P; open: A[] }[] {
  const out: { project: P; open: A[] }[] = [];
  for (const project of projects) {
    const acts = activitiesBy.get(project.id) ?? [];
    if (!UNFINISHED(project.status) || (acts.length > 0 && !acts.some((a) => UNFINISHED(a.status)))) continue;
    out.push({ project, open: acts.filter((a) => UNFINISHED(a.status) && !carriedActivity.has(a.id)) });
  }
  return out;
}

/**
 * Carry a plan forward into the next fiscal year: the successor plan (made once, linked by
 * `predecessorPlanId`) receives every unfinished project (not done, not cancelled, with unfinished
 * activities or none yet) and its unfinished activities, each linked to its predecessor. Running it
 * again adds only what is not there yet, so nothing is duplicated.
 */
export async function carryForward(ctx: TenantContext, planId: string, input: z.output<typeof carryForwardBody>): Promise<z.infer<typeof carryForwardResult>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const tenantId = ctx.tenant.id;
    const existing = await repo.successorPlan(tx, tenantId, planId);
    let target = existing;
    if (!target) {
      const nets = await repo.planNetworkIds(tx, tenantId, planId);
      target = await createPlanTx(
        tx,
        ctx,
        {
          name: input.name ?? nextName(plan.name, plan.fiscalYear),
          fiscalYear: plan.fiscalYear + 1,
          networkIds: nets,
          description: plan.description,
          weightBy: plan.weightBy as WeightBy,
        },
        planId,
      );
    }
    const range = { start: target.startDate, end: target.endDate };
    const loaded = await repo.loadForPlans(tx, tenantId, [planId, target.id]);
    const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
    const carriedProject = new Map(loaded.projects.filter((p) => p.planId === target.id && p.predecessorProjectId).map((p) => [p.predecessorProjectId!, p.id]));
    const carriedActivity = new Set(loaded.activities.filter((a) => a.planId === target.id && a.predecessorActivityId).map((a) => a.predecessorActivityId!));
    const links = await repo.projectIndicatorLinks(
      tx,
      tenantId,
      loaded.projects.map((p) => p.id),
    );
    const linksBy = groupBy(links, (l) => l.projectId);
    const events: AuditEvent[] = [];
    let carriedProjects = 0;
    let carriedActivities = 0;
    let sort = loaded.projects.filter((p) => p.planId === target.id).length;

    for (const { project: p, open } of toCarry(
      loaded.projects.filter((x) => x.planId === planId),
      activitiesBy,
      carriedActivity,
    )) {
      let newProjectId = carriedProject.get(p.id);
      if (!newProjectId) {
        const np = await work.insertProject(tx, {
          tenantId,
          planId: target.id,
          name: p.name,
          objectives: p.objectives,
          outputTarget: p.outputTarget,
          indicatorText: p.indicatorText,
          strategyId: p.strategyId,
          leadPartyId: p.leadPartyId,
          supportingPartyIds: p.supportingPartyIds,
          startDate: nextYearDate(p.startDate, range),
          endDate: nextYearDate(p.endDate, range),
          status: 'planned',
          weightBy: p.weightBy,
          weight: p.weight,
          sortOrder: sort++,
          predecessorProjectId: p.id,
        });
        newProjectId = np.id;
        await work.setProjectIndicators(
          tx,
          tenantId,
          np.id,
          (linksBy.get(p.id) ?? []).map((l) => l.indicatorId),
          false,
        );
        events.push({
          entity: 'plan_project',
          entityId: np.id,
          entityLabel: `${target.name}: ${np.name}`,
          action: 'create',
          after: { ...np, carriedFrom: p.id },
        });
        carriedProjects++;
      }
      if (open.length) {
        const rows = await work.insertActivitiesOnce(
          tx,
          open.map((a) => ({
            tenantId,
            planId: target.id,
            projectId: newProjectId!,
            name: a.name,
            objectives: a.objectives,
            outputTarget: a.outputTarget,
            indicatorText: a.indicatorText,
            budgetSatang: a.budgetSatang,
            weight: a.weight,
            leadPartyId: a.leadPartyId,
            supportingPartyIds: a.supportingPartyIds,
            startDate: nextYearDate(a.startDate, range),
            endDate: nextYearDate(a.endDate, range),
            // the work already done stays done: progress continues from the last report
            status: a.progress > 0 ? 'in_progress' : 'planned',
            progress: a.progress,
            sortOrder: a.sortOrder,
            predecessorActivityId: a.id,
          })),
        );
        for (const r of rows)
          events.push({
            entity: 'plan_activity',
            entityId: r.id,
            entityLabel: r.name,
            action: 'create',
            after: { ...r, carriedFrom: r.predecessorActivityId },
          });
        carriedActivities += rows.length;
      }
    }
    if (events.length) {
      await auditMany(tx, ctx, events);
      await touchPlan(tx, ctx, target.id);
    }
    return { created: !existing, carriedProjects, carriedActivities, plan: await loadDetail(tx, ctx, target.id) };
  });
}

import type { WorkStatus } from '../../../common/schemas/plans';
import type { Indicator, StrategyMap } from '../../../common/schemas/strategy';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { inOrder } from '../../platform/in-order';
import { activitiesOfProjects, projectIndicatorLinks, projectsOfStrategies } from '../plans/plans.repository';
import { projectProgress } from '../plans/rollup';
import { fiscalYears } from '../years/years.service';
import { loadTree, presentIndicators } from './tree';
import * as repo from './strategy.repository';
import { uniq } from '../../../common/arrays';

/** The strategy map for a fiscal year (default: the tenant's default year, `fiscalYears`). */
export async function getMap(ctx: TenantContext, networkId: string | undefined, fiscalYear: number | undefined): Promise<StrategyMap> {
  const year = fiscalYear ?? (await fiscalYears(ctx.db, ctx.tenant.id)).default;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tree = await loadTree(tx, ctx, networkId);
    const strategyIds = tree.goals.flatMap((g) => g.strategies.map((s) => s.id));
    const projects = await projectsOfStrategies(tx, ctx.tenant.id, strategyIds, year);
    const projectIds = projects.map((p) => p.project.id);
    const [acts, links] = projectIds.length
      ? await inOrder([activitiesOfProjects(tx, ctx.tenant.id, projectIds), projectIndicatorLinks(tx, ctx.tenant.id, projectIds)])
      : [[], []];
    const allIndicators = new Map(tree.goals.flatMap((g) => [...g.indicators, ...g.strategies.flatMap((s) => s.indicators)]).map((i) => [i.id, i]));
    // a project may point at an indicator outside the shown goals: load those too
    const missing = uniq(links.map((l) => l.indicatorId)).filter((id) => !allIndicators.has(id));
    if (missing.length) {
      const rows = await repo.indicatorsByIds(tx, ctx.tenant.id, missing);
      for (const i of await presentIndicators(tx, ctx, rows)) allIndicators.set(i.id, i);
    }
    const onMap = (i: Indicator) => {
      const target = i.targets.find((t) => t.fiscalYear === year)?.target ?? null;
      const value = i.latest?.value;
      const onTarget = target === null || value === undefined ? null : i.direction === 'higher' ? value >= target : value <= target;
      return { ...i, target, onTarget };
    };
    return {
      networkId: tree.networkId,
      vision: tree.vision,
      missions: tree.missions,
      fiscalYear: year,
      goals: tree.goals.map((g) => ({
        ...g,
        indicators: g.indicators.map(onMap),
        strategies: g.strategies.map((s) => ({
          ...s,
          indicators: s.indicators.map(onMap),
          projects: projects
            .filter((p) => p.project.strategyId === s.id)
            .map(({ project, planName, fiscalYear: fy }) => ({
              id: project.id,
              name: project.name,
              planId: project.planId,
              planName,
              fiscalYear: fy,
              status: project.status as WorkStatus,
              progress: projectProgress({ ...project, activities: acts.filter((a) => a.projectId === project.id) }),
              indicators: links
                .filter((l) => l.projectId === project.id)
                .map((l) => allIndicators.get(l.indicatorId))
                .filter((i): i is Indicator => !!i)
                .map(onMap),
            })),
        })),
      })),
    };
  });
}

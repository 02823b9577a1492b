import type { EvidenceFile } from '../../../common/schemas/evidence';
import type { Indicator, Measurement, StrategyTree } from '../../../common/schemas/strategy';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { filesOfMeasurements } from '../evidence/evidence.service';
import { existingNetworkIds } from '../networks/networks.repository';
import { presentPartySummary } from '../partners/partners.present';
import * as repo from './strategy.repository';

/** Reading the strategy tree: frame → goals → strategies → indicators (batch loads: one query per table). */

export function presentMeasurement(m: repo.MeasurementRow, files: EvidenceFile[] = []): Measurement {
  return {
    id: m.id,
    indicatorId: m.indicatorId,
    value: m.value,
    measuredOn: m.measuredOn,
    fiscalYear: m.fiscalYear,
    source: m.source,
    evidenceNote: m.evidenceNote,
    evidenceUrl: m.evidenceUrl,
    files,
    createdAt: isoTime(m.createdAt),
  };
}

export async function loadTree(tx: Tx, ctx: TenantContext, networkId: string | undefined): Promise<StrategyTree> {
  const tenantId = ctx.tenant.id;
  if (networkId && !(await existingNetworkIds(tx, tenantId, [networkId])).has(networkId)) throw new AppError('not_found');
  const frameRow = await repo.getFrame(tx, tenantId, networkId);
  const goalRows = await repo.goalsOf(tx, tenantId, networkId);
  const { goalNets, goalParties, strategyRows, indicatorRows } = await repo.goalContents(
    tx,
    tenantId,
    goalRows.map((g) => g.id),
  );
  const indicators = await presentIndicators(tx, ctx, indicatorRows);
  return {
    networkId: networkId ?? null,
    vision: frameRow?.vision ?? null,
    missions: frameRow?.missions ?? [],
    goals: goalRows.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      description: g.description,
      sortOrder: g.sortOrder,
      networks: goalNets.filter((n) => n.goalId === g.id).map(({ id, name }) => ({ id, name })),
      parties: goalParties.filter((p) => p.goalId === g.id).map((p) => presentPartySummary(p.party)),
      indicators: indicators.filter((i) => i.goalId === g.id && !i.strategyId),
      strategies: strategyRows
        .filter((s) => s.goalId === g.id)
        .map((s) => ({
          id: s.id,
          goalId: s.goalId,
          code: s.code,
          name: s.name,
          description: s.description,
          sortOrder: s.sortOrder,
          indicators: indicators.filter((i) => i.strategyId === s.id),
        })),
    })),
  };
}

export async function presentIndicators(tx: Tx, ctx: TenantContext, rows: repo.IndicatorRow[]): Promise<Indicator[]> {
  if (!rows.length) return [];
  const { targets, latest } = await repo.indicatorTargetsAndLatest(
    tx,
    ctx.tenant.id,
    rows.map((r) => r.id),
  );
  const latestBy = new Map(latest.map((m) => [m.indicatorId, m]));
  const files = await filesOfMeasurements(tx, ctx, latest);
  return rows.map((r) => ({
    id: r.id,
    goalId: r.goalId,
    strategyId: r.strategyId,
    name: r.name,
    unit: r.unit,
    direction: r.direction as Indicator['direction'],
    baseline: r.baseline,
    baselineYear: r.baselineYear,
    targets: targets.filter((t) => t.indicatorId === r.id).map((t) => ({ fiscalYear: t.fiscalYear, target: t.target })),
    latest: latestBy.has(r.id) ? presentMeasurement(latestBy.get(r.id)!, files.get(latestBy.get(r.id)!.id)) : null,
  }));
}

export function getStrategy(ctx: TenantContext, networkId?: string): Promise<StrategyTree> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => loadTree(tx, ctx, networkId));
}

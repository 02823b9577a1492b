import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { BudgetLine, Fund, FundKind, fundCreate, fundListQuery, fundUpdate, lineCreate, lineListQuery, lineUpdate } from '../../../common/schemas/budget';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { activityBudgetSum, findActivity, findProject, getPlan, planIdsOfNetwork, workOfPlans } from '../plans/plans.repository';
import * as repo from './budget.repository';

/**
 * Funds and budget lines: rules, transactions and audit. The figures come from the posted ledger
 * (repo.balances); the transparency report: transparency.ts; SQL: budget.repository.ts.
 */

export function fundTotals(b: repo.Balance[], fundId: string) {
  let received = 0, committed = 0, spent = 0, available = 0; // prettier-ignore
  for (const x of b) {
    if (x.fundId !== fundId) continue;
    if (x.account === 'contribution') received -= x.sum;
    else if (x.account === 'commitment') committed += x.sum;
    else if (x.account === 'expense') spent += x.sum;
    else available += x.sum;
  }
  return { receivedSatang: received, committedSatang: committed, spentSatang: spent, availableSatang: available };
}

// ---- funds ----

/** A fund needs its party unless it is the municipal budget; the party must be the tenant's. */
async function assertFundParty(tx: Tx, tenantId: string, kind: string, partyId: string | null) {
  if (kind !== 'municipal' && !partyId) throw new AppError('validation_failed', { partyId: 'fund_party_required' });
  if (partyId) {
    if (!(await repo.partyExists(tx, tenantId, partyId))) throw new AppError('validation_failed', { partyId: 'unknown_party' });
  }
}

/** One fund of a name per fiscal year (case-insensitive; the unique index budget_funds_name_year_uq backs it under races). */
async function assertFundNameFree(tx: Tx, tenantId: string, fiscalYear: number, name: string, exceptId?: string) {
  if (await repo.fundNameTaken(tx, tenantId, fiscalYear, name, exceptId)) throw new AppError('conflict', { name: 'fund_duplicate' });
}

export async function createFund(ctx: TenantContext, input: z.output<typeof fundCreate>): Promise<Fund> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertFundParty(tx, ctx.tenant.id, input.kind, input.partyId ?? null);
    await assertFundNameFree(tx, ctx.tenant.id, input.fiscalYear, input.name);
    const row = await repo.insertFund(tx, {
      tenantId: ctx.tenant.id,
      name: input.name,
      kind: input.kind,
      partyId: input.partyId ?? null,
      fiscalYear: input.fiscalYear,
      note: input.note,
    });
    await audit(tx, ctx, {
      entity: 'budget_fund',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { name: row.name, kind: row.kind, partyId: row.partyId, fiscalYear: row.fiscalYear, note: row.note },
    });
    return (await presentFunds(tx, ctx.tenant.id, [row], []))[0];
  });
}

const fundAudit = (r: repo.FundRow) => ({ name: r.name, kind: r.kind, partyId: r.partyId, fiscalYear: r.fiscalYear, note: r.note });

async function fundRow(tx: Tx, tenantId: string, id: string) {
  const row = await repo.getFund(tx, tenantId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Rename a fund, change its kind, party or note. Its fiscal year stays: entries are booked in it. */
export async function updateFund(ctx: TenantContext, id: string, input: z.output<typeof fundUpdate>): Promise<Fund> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const before = await fundRow(tx, tenantId, id);
    const name = input.name ?? before.name;
    const kind = input.kind ?? before.kind;
    // the municipal budget has no party; any other kind keeps its party unless a new one is given
    const partyId = input.partyId !== undefined ? input.partyId : kind === 'municipal' && input.kind ? null : before.partyId;
    await assertFundParty(tx, tenantId, kind, partyId ?? null);
    if (name !== before.name) await assertFundNameFree(tx, tenantId, before.fiscalYear, name, id);
    const row = await repo.updateFund(tx, tenantId, id, { name, kind, partyId: partyId ?? null, note: input.note === undefined ? before.note : input.note });
    await audit(tx, ctx, { entity: 'budget_fund', entityId: id, entityLabel: row.name, action: 'update', before: fundAudit(before), after: fundAudit(row) });
    return (await presentFunds(tx, tenantId, [row], await repo.balances(tx, tenantId)))[0];
  });
}

/** Delete a fund that no ledger entry names, pending and rejected ones included (the ledger is append-only). */
export async function deleteFund(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const row = await fundRow(tx, tenantId, id);
    if ((await repo.fundEntryCount(tx, tenantId, id)) > 0) throw new AppError('conflict', { fund: 'fund_in_use' });
    await repo.deleteFund(tx, tenantId, id);
    await audit(tx, ctx, { entity: 'budget_fund', entityId: id, entityLabel: row.name, action: 'delete', before: fundAudit(row) });
  });
}

async function presentFunds(tx: Tx, tenantId: string, rows: repo.FundRow[], b: repo.Balance[]): Promise<Fund[]> {
  const ids = [...new Set(rows.map((r) => r.partyId).filter((x): x is string => !!x))];
  const ps = await repo.partiesByIds(tx, tenantId, ids);
  const party = new Map(ps.map((p) => [p.id, presentPartySummary(p)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as FundKind,
    party: r.partyId ? (party.get(r.partyId) ?? null) : null,
    fiscalYear: r.fiscalYear,
    note: r.note,
    ...fundTotals(b, r.id),
  }));
}

export async function listFunds(ctx: TenantContext, q: z.output<typeof fundListQuery>): Promise<ListResult<Fund>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listFunds(tx, ctx.tenant.id, q, q.pageSize, (q.page - 1) * q.pageSize);
    const b = await repo.balances(tx, ctx.tenant.id);
    return {
      items: await presentFunds(tx, ctx.tenant.id, rows, b),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

// ---- budget lines ----

export interface LineInfo {
  row: repo.LineRow;
  planName: string;
  projectName: string | null;
  activityName: string | null;
  plannedSatang: number;
}

/** Lines with names and planned budgets (from the plan's activities): one query each for lines, projects, activities. */
export async function loadLines(tx: Tx, tenantId: string, fiscalYear?: number, planId?: string): Promise<LineInfo[]> {
  const rows = await repo.linesWithPlan(tx, tenantId, fiscalYear, planId);
  const { projects, activities: acts } = await workOfPlans(tx, tenantId, [...new Set(rows.map((r) => r.row.planId))]);
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const act = new Map(acts.map((a) => [a.id, a]));
  const sum = (pred: (a: (typeof acts)[number]) => boolean) => acts.filter(pred).reduce((s, a) => s + Number(a.budget), 0);
  return rows.map(({ row, planName }) => ({
    row,
    planName,
    projectName: row.projectId ? (projectName.get(row.projectId) ?? null) : null,
    activityName: row.activityId ? (act.get(row.activityId)?.name ?? null) : null,
    plannedSatang: row.activityId
      ? Number(act.get(row.activityId)?.budget ?? 0)
      : row.projectId
        ? sum((a) => a.projectId === row.projectId)
        : sum((a) => a.planId === row.planId),
  }));
}

export function presentLine(l: LineInfo, b: repo.Balance[], fundId?: string): BudgetLine {
  let committed = 0, spent = 0; // prettier-ignore
  for (const x of b) {
    if (x.lineId !== l.row.id || (fundId && x.fundId !== fundId)) continue;
    if (x.account === 'commitment') committed += x.sum;
    else if (x.account === 'expense') spent += x.sum;
  }
  const allocated = Number(l.row.allocatedSatang);
  return {
    id: l.row.id,
    fiscalYear: l.row.fiscalYear,
    name: l.row.name,
    plan: { id: l.row.planId, name: l.planName },
    project: l.row.projectId ? { id: l.row.projectId, name: l.projectName ?? '' } : null,
    activity: l.row.activityId ? { id: l.row.activityId, name: l.activityName ?? '' } : null,
    plannedSatang: l.plannedSatang,
    allocatedSatang: allocated,
    committedSatang: committed,
    spentSatang: spent,
    remainingSatang: allocated - committed - spent,
  };
}

export async function createLine(ctx: TenantContext, input: z.output<typeof lineCreate>): Promise<BudgetLine> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const plan = await getPlan(tx, tenantId, input.planId);
    if (!plan) throw new AppError('validation_failed', { planId: 'unknown_plan' });
    let projectId = input.projectId ?? null;
    let name = input.name ?? null;
    let planned: number | null = null;
    if (input.activityId) {
      const a = await findActivity(tx, tenantId, input.activityId);
      if (!a || a.planId !== plan.id) throw new AppError('validation_failed', { activityId: a ? 'activity_not_in_plan' : 'unknown_activity' });
      if (projectId && projectId !== a.projectId) throw new AppError('validation_failed', { activityId: 'activity_not_in_project' });
      projectId = a.projectId;
      name ??= a.name;
      planned = Number(a.budgetSatang);
    } else if (projectId) {
      const p = await findProject(tx, tenantId, projectId);
      if (!p || p.planId !== plan.id) throw new AppError('validation_failed', { projectId: p ? 'project_not_in_plan' : 'unknown_project' });
      name ??= p.name;
      planned = await activityBudgetSum(tx, tenantId, { projectId });
    } else {
      name ??= plan.name;
      planned = await activityBudgetSum(tx, tenantId, { planId: plan.id });
    }
    const row = await repo.insertLine(tx, {
      tenantId,
      fiscalYear: plan.fiscalYear,
      planId: plan.id,
      projectId,
      activityId: input.activityId ?? null,
      name: name!,
      allocatedSatang: input.allocatedSatang ?? planned ?? 0,
    });
    await audit(tx, ctx, {
      entity: 'budget_line',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { planId: row.planId, projectId: row.projectId, activityId: row.activityId, name: row.name, allocatedSatang: row.allocatedSatang },
    });
    const [info] = (await loadLines(tx, tenantId, undefined, plan.id)).filter((l) => l.row.id === row.id);
    return presentLine(info, []);
  });
}

async function lineRow(tx: Tx, tenantId: string, id: string) {
  const row = await repo.getLine(tx, tenantId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Rename a line or change its allocation; the allocation may not drop below what is already committed and spent. */
export async function updateLine(ctx: TenantContext, id: string, input: z.output<typeof lineUpdate>): Promise<BudgetLine> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const before = await lineRow(tx, tenantId, id);
    // only a changed allocation is checked: a line already spent beyond it can still be renamed
    if (input.allocatedSatang !== undefined && input.allocatedSatang !== Number(before.allocatedSatang)) {
      const { usedSatang } = await repo.lineUse(tx, tenantId, id);
      if (input.allocatedSatang < usedSatang) throw new AppError('validation_failed', { allocatedSatang: 'allocation_below_used' });
    }
    const row = await repo.updateLine(tx, tenantId, id, { name: input.name ?? before.name, allocatedSatang: input.allocatedSatang ?? before.allocatedSatang });
    await audit(tx, ctx, {
      entity: 'budget_line',
      entityId: id,
      entityLabel: row.name,
      action: 'update',
      before: { name: before.name, allocatedSatang: Number(before.allocatedSatang) },
      after: { name: row.name, allocatedSatang: Number(row.allocatedSatang) },
    });
    const [info] = (await loadLines(tx, tenantId, undefined, row.planId)).filter((l) => l.row.id === id);
    return presentLine(info, await repo.balances(tx, tenantId));
  });
}

/** Delete a line that no ledger entry names (a booked line stays: the ledger is append-only). */
export async function deleteLine(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const row = await lineRow(tx, tenantId, id);
    if ((await repo.lineUse(tx, tenantId, id)).entries > 0) throw new AppError('conflict', { line: 'budget_line_in_use' });
    await repo.deleteLine(tx, tenantId, id);
    await audit(tx, ctx, {
      entity: 'budget_line',
      entityId: id,
      entityLabel: row.name,
      action: 'delete',
      before: { planId: row.planId, name: row.name, allocatedSatang: Number(row.allocatedSatang) },
    });
  });
}

export async function listLines(ctx: TenantContext, q: z.output<typeof lineListQuery>): Promise<ListResult<BudgetLine>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    let lines = await loadLines(tx, ctx.tenant.id, q.fiscalYear, q.planId);
    if (q.networkId) {
      const ids = await planIdsOfNetwork(tx, ctx.tenant.id, q.networkId);
      lines = lines.filter((l) => ids.has(l.row.planId));
    }
    if (q.q) {
      const needle = q.q.toLowerCase();
      lines = lines.filter((l) => `${l.row.name} ${l.planName} ${l.projectName ?? ''}`.toLowerCase().includes(needle));
    }
    const b = await repo.balances(tx, ctx.tenant.id);
    const page = lines.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    return { items: page.map((l) => presentLine(l, b)), total: lines.length, page: q.page, pageSize: q.pageSize };
  });
}

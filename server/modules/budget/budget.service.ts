import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type {
  BudgetLine,
  Contributor,
  Fund,
  FundKind,
  fundCreate,
  fundListQuery,
  fundUpdate,
  lineCreate,
  lineListQuery,
  lineUpdate,
  Transparency,
  transparencyQuery,
} from '../../../common/schemas/budget';
import {
  budgetFunds,
  budgetLines,
  budgetSettings,
  ledgerEntries,
  ledgerTransactions,
  networks,
  parties,
  planActivities,
  planNetworks,
  planProjects,
  plans,
} from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { currentSigner, latestCheckpoint } from './checkpoints';
import { ensureSettings } from './ledger.service';
import { likePattern, rows } from '../../platform/sql';

/** Posted balances per (account, fund, budget line): the one query every view is computed from. */
async function balances(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({
      account: ledgerEntries.account,
      fundId: ledgerEntries.fundId,
      lineId: ledgerEntries.budgetLineId,
      sum: sql<string>`sum(${ledgerEntries.amountSatang})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, and(eq(ledgerTransactions.tenantId, ledgerEntries.tenantId), eq(ledgerTransactions.id, ledgerEntries.transactionId)))
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerTransactions.status, 'posted')))
    .groupBy(ledgerEntries.account, ledgerEntries.fundId, ledgerEntries.budgetLineId);
  return rows.map((r) => ({ ...r, sum: Number(r.sum) }));
}
type Balance = Awaited<ReturnType<typeof balances>>[number];

function fundTotals(b: Balance[], fundId: string) {
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
    const [p] = await tx
      .select({ id: parties.id })
      .from(parties)
      .where(and(eq(parties.tenantId, tenantId), eq(parties.id, partyId)))
      .limit(1);
    if (!p) throw new AppError('validation_failed', { partyId: 'unknown_party' });
  }
}

/** One fund of a name per fiscal year (case-insensitive; the unique index budget_funds_name_year_uq backs it under races). */
async function assertFundNameFree(tx: Tx, tenantId: string, fiscalYear: number, name: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: budgetFunds.id })
    .from(budgetFunds)
    .where(
      and(
        eq(budgetFunds.tenantId, tenantId),
        eq(budgetFunds.fiscalYear, fiscalYear),
        sql`lower(${budgetFunds.name}) = lower(${name})`,
        exceptId ? sql`${budgetFunds.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (dup) throw new AppError('conflict', { name: 'fund_duplicate' });
}

export async function createFund(ctx: TenantContext, input: z.output<typeof fundCreate>): Promise<Fund> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertFundParty(tx, ctx.tenant.id, input.kind, input.partyId ?? null);
    await assertFundNameFree(tx, ctx.tenant.id, input.fiscalYear, input.name);
    const [row] = await tx
      .insert(budgetFunds)
      .values({ tenantId: ctx.tenant.id, name: input.name, kind: input.kind, partyId: input.partyId ?? null, fiscalYear: input.fiscalYear, note: input.note })
      .returning();
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

const fundAudit = (r: typeof budgetFunds.$inferSelect) => ({ name: r.name, kind: r.kind, partyId: r.partyId, fiscalYear: r.fiscalYear, note: r.note });

async function fundRow(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)))
    .limit(1);
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
    const [row] = await tx
      .update(budgetFunds)
      .set({ name, kind, partyId: partyId ?? null, note: input.note === undefined ? before.note : input.note })
      .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)))
      .returning();
    await audit(tx, ctx, { entity: 'budget_fund', entityId: id, entityLabel: row.name, action: 'update', before: fundAudit(before), after: fundAudit(row) });
    return (await presentFunds(tx, tenantId, [row], await balances(tx, tenantId)))[0];
  });
}

/** Delete a fund that no ledger entry names, pending and rejected ones included (the ledger is append-only). */
export async function deleteFund(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const row = await fundRow(tx, tenantId, id);
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerEntries.fundId, id)));
    if (used.n > 0) throw new AppError('conflict', { fund: 'fund_in_use' });
    await tx.delete(budgetFunds).where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)));
    await audit(tx, ctx, { entity: 'budget_fund', entityId: id, entityLabel: row.name, action: 'delete', before: fundAudit(row) });
  });
}

async function presentFunds(tx: Tx, tenantId: string, rows: (typeof budgetFunds.$inferSelect)[], b: Balance[]): Promise<Fund[]> {
  const ids = [...new Set(rows.map((r) => r.partyId).filter((x): x is string => !!x))];
  const ps = ids.length
    ? await tx
        .select()
        .from(parties)
        .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)))
    : [];
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
  const f = budgetFunds;
  const conds: (SQL | undefined)[] = [eq(f.tenantId, ctx.tenant.id)];
  if (q.fiscalYear) conds.push(eq(f.fiscalYear, q.fiscalYear));
  if (q.kind) conds.push(eq(f.kind, q.kind));
  if (q.q) conds.push(sql`${f.name} ilike ${likePattern(q.q)}`);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rows = await tx
      .select({ r: f, total: sql<number>`(count(*) over ())::int` })
      .from(f)
      .where(and(...conds))
      .orderBy(desc(f.fiscalYear), asc(f.kind), asc(sql`${f.name} collate "und-x-icu"`))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const b = await balances(tx, ctx.tenant.id);
    return {
      items: await presentFunds(
        tx,
        ctx.tenant.id,
        rows.map((x) => x.r),
        b,
      ),
      total: rows[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

// ---- budget lines ----

interface LineInfo {
  row: typeof budgetLines.$inferSelect;
  planName: string;
  projectName: string | null;
  activityName: string | null;
  plannedSatang: number;
}

/** Lines with names and planned budgets (from the plan's activities): one query each for lines, projects, activities. */
async function loadLines(tx: Tx, tenantId: string, fiscalYear?: number, planId?: string): Promise<LineInfo[]> {
  const conds: (SQL | undefined)[] = [eq(budgetLines.tenantId, tenantId)];
  if (fiscalYear) conds.push(eq(budgetLines.fiscalYear, fiscalYear));
  if (planId) conds.push(eq(budgetLines.planId, planId));
  const rows = await tx
    .select({ row: budgetLines, planName: plans.name })
    .from(budgetLines)
    .innerJoin(plans, and(eq(plans.tenantId, budgetLines.tenantId), eq(plans.id, budgetLines.planId)))
    .where(and(...conds))
    .orderBy(desc(budgetLines.fiscalYear), asc(plans.name), asc(budgetLines.createdAt));
  const planIds = [...new Set(rows.map((r) => r.row.planId))];
  const projects = planIds.length
    ? await tx
        .select({ id: planProjects.id, name: planProjects.name })
        .from(planProjects)
        .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.planId, planIds)))
    : [];
  const acts = planIds.length
    ? await tx
        .select({
          id: planActivities.id,
          name: planActivities.name,
          projectId: planActivities.projectId,
          planId: planActivities.planId,
          budget: planActivities.budgetSatang,
        })
        .from(planActivities)
        .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.planId, planIds)))
    : [];
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

function presentLine(l: LineInfo, b: Balance[], fundId?: string): BudgetLine {
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
    const [plan] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.id, input.planId)))
      .limit(1);
    if (!plan) throw new AppError('validation_failed', { planId: 'unknown_plan' });
    let projectId = input.projectId ?? null;
    let name = input.name ?? null;
    let planned: number | null = null;
    if (input.activityId) {
      const [a] = await tx
        .select()
        .from(planActivities)
        .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.id, input.activityId)))
        .limit(1);
      if (!a || a.planId !== plan.id) throw new AppError('validation_failed', { activityId: a ? 'activity_not_in_plan' : 'unknown_activity' });
      if (projectId && projectId !== a.projectId) throw new AppError('validation_failed', { activityId: 'activity_not_in_project' });
      projectId = a.projectId;
      name ??= a.name;
      planned = Number(a.budgetSatang);
    } else if (projectId) {
      const [p] = await tx
        .select()
        .from(planProjects)
        .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.id, projectId)))
        .limit(1);
      if (!p || p.planId !== plan.id) throw new AppError('validation_failed', { projectId: p ? 'project_not_in_plan' : 'unknown_project' });
      name ??= p.name;
      const [s] = await tx
        .select({ s: sql<string>`coalesce(sum(${planActivities.budgetSatang}), 0)` })
        .from(planActivities)
        .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.projectId, projectId)));
      planned = Number(s.s);
    } else {
      name ??= plan.name;
      const [s] = await tx
        .select({ s: sql<string>`coalesce(sum(${planActivities.budgetSatang}), 0)` })
        .from(planActivities)
        .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.planId, plan.id)));
      planned = Number(s.s);
    }
    const [row] = await tx
      .insert(budgetLines)
      .values({
        tenantId,
        fiscalYear: plan.fiscalYear,
        planId: plan.id,
        projectId,
        activityId: input.activityId ?? null,
        name: name!,
        allocatedSatang: input.allocatedSatang ?? planned ?? 0,
      })
      .returning();
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
  const [row] = await tx
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

/** What the ledger has committed and spent on a line (posted transactions), and whether any entry names it at all. */
async function lineUse(tx: Tx, tenantId: string, id: string) {
  const [use] = await tx
    .select({
      used: sql<string>`coalesce(sum(${ledgerEntries.amountSatang}) filter (where ${ledgerTransactions.status} = 'posted'), 0)`,
      entries: sql<number>`count(*)::int`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, and(eq(ledgerTransactions.tenantId, ledgerEntries.tenantId), eq(ledgerTransactions.id, ledgerEntries.transactionId)))
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerEntries.budgetLineId, id)));
  return { usedSatang: Number(use.used), entries: use.entries };
}

/** Rename a line or change its allocation; the allocation may not drop below what is already committed and spent. */
export async function updateLine(ctx: TenantContext, id: string, input: z.output<typeof lineUpdate>): Promise<BudgetLine> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const before = await lineRow(tx, tenantId, id);
    // only a changed allocation is checked: a line already spent beyond it can still be renamed
    if (input.allocatedSatang !== undefined && input.allocatedSatang !== Number(before.allocatedSatang)) {
      const { usedSatang } = await lineUse(tx, tenantId, id);
      if (input.allocatedSatang < usedSatang) throw new AppError('validation_failed', { allocatedSatang: 'allocation_below_used' });
    }
    const [row] = await tx
      .update(budgetLines)
      .set({ name: input.name ?? before.name, allocatedSatang: input.allocatedSatang ?? before.allocatedSatang })
      .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)))
      .returning();
    await audit(tx, ctx, {
      entity: 'budget_line',
      entityId: id,
      entityLabel: row.name,
      action: 'update',
      before: { name: before.name, allocatedSatang: Number(before.allocatedSatang) },
      after: { name: row.name, allocatedSatang: Number(row.allocatedSatang) },
    });
    const [info] = (await loadLines(tx, tenantId, undefined, row.planId)).filter((l) => l.row.id === id);
    return presentLine(info, await balances(tx, tenantId));
  });
}

/** Delete a line that no ledger entry names (a booked line stays: the ledger is append-only). */
export async function deleteLine(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const row = await lineRow(tx, tenantId, id);
    if ((await lineUse(tx, tenantId, id)).entries > 0) throw new AppError('conflict', { line: 'budget_line_in_use' });
    await tx.delete(budgetLines).where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)));
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
      const pn = await tx
        .select({ planId: planNetworks.planId })
        .from(planNetworks)
        .where(and(eq(planNetworks.tenantId, ctx.tenant.id), eq(planNetworks.networkId, q.networkId)));
      const ids = new Set(pn.map((p) => p.planId));
      lines = lines.filter((l) => ids.has(l.row.planId));
    }
    if (q.q) {
      const needle = q.q.toLowerCase();
      lines = lines.filter((l) => `${l.row.name} ${l.planName} ${l.projectName ?? ''}`.toLowerCase().includes(needle));
    }
    const b = await balances(tx, ctx.tenant.id);
    const page = lines.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    return { items: page.map((l) => presentLine(l, b)), total: lines.length, page: q.page, pageSize: q.pageSize };
  });
}

// ---- transparency ----

const zero = () => ({ plannedSatang: 0, allocatedSatang: 0, committedSatang: 0, spentSatang: 0, remainingSatang: 0 });
type Amounts = ReturnType<typeof zero>;
function add(a: Amounts, l: BudgetLine, planned = l.plannedSatang) {
  a.plannedSatang += planned;
  a.allocatedSatang += l.allocatedSatang;
  a.committedSatang += l.committedSatang;
  a.spentSatang += l.spentSatang;
  a.remainingSatang += l.remainingSatang;
}

/**
 * Planned vs allocated vs committed vs spent per project and network, what each fund received and paid,
 * who gave what (cash and in-kind), and the leverage of municipal money. With a network or project
 * filter, contributors are what each partner's funds paid or committed there; otherwise what they gave.
 * `publicView` never names private individuals: they are summed into one row.
 */
export async function transparency(ctx: TenantContext, q: z.output<typeof transparencyQuery>, publicView = false): Promise<Transparency> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    let lines = await loadLines(tx, tenantId, q.fiscalYear);
    const planIds = [...new Set(lines.map((l) => l.row.planId))];
    const pn = planIds.length
      ? await tx
          .select()
          .from(planNetworks)
          .where(and(eq(planNetworks.tenantId, tenantId), inArray(planNetworks.planId, planIds)))
      : [];
    if (q.networkId) {
      const inNet = new Set(pn.filter((x) => x.networkId === q.networkId).map((x) => x.planId));
      lines = lines.filter((l) => inNet.has(l.row.planId));
    }
    if (q.projectId) lines = lines.filter((l) => l.row.projectId === q.projectId);
    const b = await balances(tx, tenantId);
    const presented = lines.map((l) => ({ info: l, line: presentLine(l, b, q.fundId) }));

    // planned budgets come from the plans in scope (not only those with budget lines)
    const yearPlans = await tx
      .select({ id: plans.id, name: plans.name, fiscalYear: plans.fiscalYear })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), q.fiscalYear ? eq(plans.fiscalYear, q.fiscalYear) : undefined));
    const yearPlanIds = yearPlans.map((p) => p.id);
    const allPn = yearPlanIds.length
      ? await tx
          .select()
          .from(planNetworks)
          .where(and(eq(planNetworks.tenantId, tenantId), inArray(planNetworks.planId, yearPlanIds)))
      : [];
    const scopePlanIds = new Set(q.networkId ? allPn.filter((x) => x.networkId === q.networkId).map((x) => x.planId) : yearPlanIds);
    const scopeIds = [...scopePlanIds];
    const projectList = scopeIds.length
      ? await tx
          .select({ id: planProjects.id, name: planProjects.name, planId: planProjects.planId })
          .from(planProjects)
          .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.planId, scopeIds)))
      : [];
    const plannedActs = scopeIds.length
      ? await tx
          .select({ projectId: planActivities.projectId, budget: planActivities.budgetSatang })
          .from(planActivities)
          .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.planId, scopeIds), sql`${planActivities.status} <> 'cancelled'`))
      : [];
    const plannedOf = new Map<string, number>();
    for (const a of plannedActs) plannedOf.set(a.projectId, (plannedOf.get(a.projectId) ?? 0) + Number(a.budget));
    const projectRows = projectList.map((p) => ({ ...p, planned: plannedOf.get(p.id) ?? 0 }));
    const projects = projectRows.filter((p) => !q.projectId || p.id === q.projectId);
    const planById = new Map(yearPlans.map((p) => [p.id, p]));

    const totals = zero();
    const byProject = new Map<string, Amounts & { id: string; name: string; planName: string; fiscalYear: number }>();
    for (const p of projects) {
      const plan = planById.get(p.planId)!;
      byProject.set(p.id, { ...zero(), id: p.id, name: p.name, planName: plan.name, fiscalYear: plan.fiscalYear, plannedSatang: Number(p.planned) });
      totals.plannedSatang += Number(p.planned);
    }
    for (const { line } of presented) {
      add(totals, line, 0);
      const p = line.project ? byProject.get(line.project.id) : undefined;
      if (p) add(p, line, 0);
    }

    const networkIds = [...new Set(allPn.map((x) => x.networkId))].filter((id) => !q.networkId || id === q.networkId);
    const netNames = networkIds.length
      ? await tx
          .select({ id: networks.id, name: networks.name })
          .from(networks)
          .where(and(eq(networks.tenantId, tenantId), inArray(networks.id, networkIds)))
      : [];
    const byNetwork = netNames.map((n) => {
      const a = zero();
      const plansOf = new Set(allPn.filter((x) => x.networkId === n.id).map((x) => x.planId));
      for (const p of projects) if (plansOf.has(p.planId)) a.plannedSatang += Number(p.planned);
      for (const { line } of presented) if (plansOf.has(line.plan.id)) add(a, line, 0);
      return { id: n.id, name: n.name, ...a };
    });

    // funds
    const fundConds: (SQL | undefined)[] = [eq(budgetFunds.tenantId, tenantId)];
    if (q.fiscalYear) fundConds.push(eq(budgetFunds.fiscalYear, q.fiscalYear));
    if (q.fundId) fundConds.push(eq(budgetFunds.id, q.fundId));
    const funds = await tx
      .select()
      .from(budgetFunds)
      .where(and(...fundConds))
      .orderBy(asc(budgetFunds.kind), asc(budgetFunds.name));
    const byFund = funds.map((f) => ({ id: f.id, name: f.name, kind: f.kind as FundKind, fiscalYear: f.fiscalYear, ...fundTotals(b, f.id) }));
    const bySourceKind = (['municipal', 'partner_cash', 'in_kind', 'grant', 'donation'] as const).map((kind) => ({
      kind,
      receivedSatang: byFund.filter((f) => f.kind === kind).reduce((s, f) => s + f.receivedSatang, 0),
    }));

    // who gave what: in scope of a network/project, what the partner's funds paid or committed there
    const scoped = !!(q.networkId || q.projectId);
    const scopeLines = new Set(presented.map((p) => p.line.id));
    const partyIds = [...new Set(funds.map((f) => f.partyId).filter((x): x is string => !!x))];
    const ps = partyIds.length
      ? await tx
          .select()
          .from(parties)
          .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, partyIds)))
      : [];
    const party = new Map(ps.map((p) => [p.id, p]));
    const contributors = new Map<string, Contributor>();
    const people = new Map<string, Set<string>>();
    for (const f of funds) {
      if (f.kind === 'municipal' || !f.partyId) continue;
      const amount = scoped
        ? b
            .filter((x) => x.fundId === f.id && x.lineId && scopeLines.has(x.lineId) && (x.account === 'expense' || x.account === 'commitment'))
            .reduce((s, x) => s + x.sum, 0)
        : -b.filter((x) => x.fundId === f.id && x.account === 'contribution').reduce((s, x) => s + x.sum, 0);
      if (!amount) continue;
      const p = party.get(f.partyId)!;
      const hidden = publicView && p.kind === 'person';
      const key = hidden ? 'individuals' : p.id;
      const c = contributors.get(key) ?? {
        partyId: hidden ? null : p.id,
        name: hidden ? 'individuals' : p.name,
        kind: hidden ? ('individuals' as const) : (p.kind as 'organization' | 'person'),
        sector: hidden ? null : p.sector,
        cashSatang: 0,
        inKindSatang: 0,
        totalSatang: 0,
        count: 0,
      };
      if (f.kind === 'in_kind') c.inKindSatang += amount;
      else c.cashSatang += amount;
      c.totalSatang += amount;
      const who = people.get(key) ?? new Set<string>();
      who.add(p.id);
      people.set(key, who);
      c.count = who.size;
      contributors.set(key, c);
    }
    const municipal = bySourceKind.find((k) => k.kind === 'municipal')!.receivedSatang;
    const partner = bySourceKind.filter((k) => k.kind !== 'municipal').reduce((s, k) => s + k.receivedSatang, 0);

    await ensureSettings(tx, tenantId);
    const [head] = await tx.select().from(budgetSettings).where(eq(budgetSettings.tenantId, tenantId));
    const years = await rows<{ y: number }>(
      tx,
      sql`select distinct fiscal_year as y from (select fiscal_year from budget_lines where tenant_id = ${tenantId} union select fiscal_year from budget_funds where tenant_id = ${tenantId} union select fiscal_year from ledger_transactions where tenant_id = ${tenantId} and status = 'posted') s order by 1 desc`,
    );
    return {
      fiscalYear: q.fiscalYear ?? null,
      totals,
      byProject: [...byProject.values()].sort((a, b2) => b2.plannedSatang + b2.allocatedSatang - (a.plannedSatang + a.allocatedSatang)),
      byNetwork: byNetwork.sort((a, b2) => b2.allocatedSatang + b2.plannedSatang - (a.allocatedSatang + a.plannedSatang)),
      byFund,
      bySourceKind,
      contributors: [...contributors.values()].sort((a, b2) => b2.totalSatang - a.totalSatang),
      leverage: { municipalSatang: municipal, partnerSatang: partner, perBaht: municipal > 0 ? Math.round((partner / municipal) * 100) / 100 : null },
      chain: {
        headHash: head.headHash,
        headSeq: head.headSeq,
        checkpoint: await latestCheckpoint(tx, tenantId),
        publicKey: currentSigner()?.publicKeyPem ?? null,
        tenantId,
      },
      fiscalYears: years.map((r) => Number(r.y)),
    };
  });
}

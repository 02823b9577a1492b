import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { budgetFunds, budgetLines, budgetSettings, ledgerEntries, ledgerTransactions, networks, parties, plans } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { pageOf } from '../../platform/page-total';
import { likePattern, rows, thaiOrder } from '../../platform/sql';

/** Funds, budget lines and the figures computed from the ledger (budget.service.ts, transparency.ts). */

export type FundRow = typeof budgetFunds.$inferSelect;
export type LineRow = typeof budgetLines.$inferSelect;

/** Posted balances per (account, fund, budget line): the one query every view is computed from. */
export async function balances(tx: Tx, tenantId: string) {
  const found = await tx
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
  return found.map((r) => ({ ...r, sum: Number(r.sum) }));
}
export type Balance = Awaited<ReturnType<typeof balances>>[number];

/** The partners of these ids (whole rows, for the summary and the contributors). */
export async function partiesByIds(tx: Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select()
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
}

export async function partyExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const [p] = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), eq(parties.id, id)))
    .limit(1);
  return !!p;
}

export async function networkNames(tx: Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(eq(networks.tenantId, tenantId), inArray(networks.id, ids)));
}

// ---- funds ----

export async function fundNameTaken(tx: Tx, tenantId: string, fiscalYear: number, name: string, exceptId?: string): Promise<boolean> {
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
  return !!dup;
}

export async function insertFund(tx: Tx, values: typeof budgetFunds.$inferInsert): Promise<FundRow> {
  const [row] = await tx.insert(budgetFunds).values(values).returning();
  return row;
}

export async function getFund(tx: Tx, tenantId: string, id: string): Promise<FundRow | null> {
  const [row] = await tx
    .select()
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)))
    .limit(1);
  return row ?? null;
}

export async function updateFund(tx: Tx, tenantId: string, id: string, values: Pick<FundRow, 'name' | 'kind' | 'partyId' | 'note'>): Promise<FundRow> {
  const [row] = await tx
    .update(budgetFunds)
    .set(values)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)))
    .returning();
  return row;
}

/** How many ledger entries name the fund, pending and rejected ones included. */
export async function fundEntryCount(tx: Tx, tenantId: string, id: string): Promise<number> {
  const [used] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerEntries.fundId, id)));
  return used.n;
}

export async function deleteFund(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(budgetFunds).where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, id)));
}

/** A page of funds, newest year first, then kind and Thai name order; with the total. */
export async function listFunds(tx: Tx, tenantId: string, q: { fiscalYear?: number; kind?: string; q?: string }, limit: number, offset: number) {
  const f = budgetFunds;
  const conds: (SQL | undefined)[] = [eq(f.tenantId, tenantId)];
  if (q.fiscalYear) conds.push(eq(f.fiscalYear, q.fiscalYear));
  if (q.kind) conds.push(eq(f.kind, q.kind));
  if (q.q) conds.push(sql`${f.name} ilike ${likePattern(q.q)}`);
  return pageOf(tx, f, and(...conds), [desc(f.fiscalYear), asc(f.kind), asc(thaiOrder(f.name))], limit, offset);
}

/** The funds of a year (or all), or one fund, by kind and name. */
export function fundsFor(tx: Tx, tenantId: string, q: { fiscalYear?: number; fundId?: string }): Promise<FundRow[]> {
  const conds: (SQL | undefined)[] = [eq(budgetFunds.tenantId, tenantId)];
  if (q.fiscalYear) conds.push(eq(budgetFunds.fiscalYear, q.fiscalYear));
  if (q.fundId) conds.push(eq(budgetFunds.id, q.fundId));
  return tx
    .select()
    .from(budgetFunds)
    .where(and(...conds))
    .orderBy(asc(budgetFunds.kind), asc(budgetFunds.name));
}

// ---- budget lines ----

/** Lines (of a year, of a plan) with their plan's name, newest year first. */
export function linesWithPlan(tx: Tx, tenantId: string, fiscalYear?: number, planId?: string) {
  const conds: (SQL | undefined)[] = [eq(budgetLines.tenantId, tenantId)];
  if (fiscalYear) conds.push(eq(budgetLines.fiscalYear, fiscalYear));
  if (planId) conds.push(eq(budgetLines.planId, planId));
  return tx
    .select({ row: budgetLines, planName: plans.name })
    .from(budgetLines)
    .innerJoin(plans, and(eq(plans.tenantId, budgetLines.tenantId), eq(plans.id, budgetLines.planId)))
    .where(and(...conds))
    .orderBy(desc(budgetLines.fiscalYear), asc(plans.name), asc(budgetLines.createdAt));
}

export async function insertLine(tx: Tx, values: typeof budgetLines.$inferInsert): Promise<LineRow> {
  const [row] = await tx.insert(budgetLines).values(values).returning();
  return row;
}

export async function getLine(tx: Tx, tenantId: string, id: string): Promise<LineRow | null> {
  const [row] = await tx
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)))
    .limit(1);
  return row ?? null;
}

export async function updateLine(tx: Tx, tenantId: string, id: string, values: Pick<LineRow, 'name' | 'allocatedSatang'>): Promise<LineRow> {
  const [row] = await tx
    .update(budgetLines)
    .set(values)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)))
    .returning();
  return row;
}

export async function deleteLine(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(budgetLines).where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, id)));
}

/** What the ledger has committed and spent on a line (posted transactions), and whether any entry names it at all. */
export async function lineUse(tx: Tx, tenantId: string, id: string) {
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

// ---- transparency ----

export async function chainHead(tx: Tx, tenantId: string) {
  const [head] = await tx.select().from(budgetSettings).where(eq(budgetSettings.tenantId, tenantId));
  return head;
}

/** The fiscal years with budget lines, funds or posted transactions, newest first. */
export async function budgetYears(tx: Tx, tenantId: string): Promise<number[]> {
  const years = await rows<{ y: number }>(
    tx,
    sql`select distinct fiscal_year as y from (select fiscal_year from budget_lines where tenant_id = ${tenantId} union select fiscal_year from budget_funds where tenant_id = ${tenantId} union select fiscal_year from ledger_transactions where tenant_id = ${tenantId} and status = 'posted') s order by 1 desc`,
  );
  return years.map((r) => Number(r.y));
}

// ---- names and checks for the ledger ----

/** Which of these funds exist in the tenant. */
export async function existingFundIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await tx
    .select({ id: budgetFunds.id })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), inArray(budgetFunds.id, ids)));
  return new Set(found.map((f) => f.id));
}

/** Which of these budget lines exist in the tenant. */
export async function existingLineIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await tx
    .select({ id: budgetLines.id })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), inArray(budgetLines.id, ids)));
  return new Set(found.map((l) => l.id));
}

/** The party a fund comes from (null for the municipality's own money or an unknown fund). */
export async function fundPartyId(tx: Tx, tenantId: string, fundId: string): Promise<string | null> {
  const [f] = await tx
    .select({ partyId: budgetFunds.partyId })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.id, fundId)));
  return f?.partyId ?? null;
}

/** Names and kinds of these funds, or of all the tenant's funds without `ids`. */
export async function fundLabels(tx: Tx, tenantId: string, ids?: string[]): Promise<{ id: string; name: string; kind: string }[]> {
  if (ids && !ids.length) return [];
  return tx
    .select({ id: budgetFunds.id, name: budgetFunds.name, kind: budgetFunds.kind })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), ids ? inArray(budgetFunds.id, ids) : undefined));
}

/** Names of these budget lines, or of all the tenant's lines without `ids`. */
export async function lineLabels(tx: Tx, tenantId: string, ids?: string[]): Promise<{ id: string; name: string }[]> {
  if (ids && !ids.length) return [];
  return tx
    .select({ id: budgetLines.id, name: budgetLines.name })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), ids ? inArray(budgetLines.id, ids) : undefined));
}

/** The funds a party gives (for the PDPA subject export). */
export function fundsOfParty(tx: Tx, tenantId: string, partyId: string) {
  return tx
    .select({ id: budgetFunds.id, name: budgetFunds.name, kind: budgetFunds.kind, fiscalYear: budgetFunds.fiscalYear })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.partyId, partyId)));
}

// ---- the committee resolution that approved a line (adoption.ts) ----

/** The line and the resolution that approved it, the line row locked until the transaction ends. */
export async function lineApprovalForUpdate(
  tx: Tx,
  tenantId: string,
  lineId: string,
): Promise<{ id: string; name: string; approvedByResolutionId: string | null } | null> {
  const [row] = await tx
    .select({ id: budgetLines.id, name: budgetLines.name, approvedByResolutionId: budgetLines.approvedByResolutionId })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, lineId)))
    .for('update');
  return row ?? null;
}

export async function setLineApproval(tx: Tx, tenantId: string, lineId: string, resolutionId: string | null): Promise<void> {
  await tx
    .update(budgetLines)
    .set({ approvedByResolutionId: resolutionId })
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, lineId)));
}

/** The resolution that approved the line (undefined when there is no such line); no lock. */
export async function lineApprovedBy(tx: Tx, tenantId: string, lineId: string): Promise<{ current: string | null } | undefined> {
  const [found] = await rows<{ current: string | null }>(
    tx,
    sql`select approved_by_resolution_id as current from budget_lines where tenant_id = ${tenantId} and id = ${lineId}`,
  );
  return found;
}

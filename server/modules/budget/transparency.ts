import type { z } from 'zod';
import type { BudgetLine, Contributor, FundKind, Transparency, transparencyQuery } from '../../../common/schemas/budget';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { networksOfPlans, plannedProjects, plansOfYear } from '../plans/plans.repository';
import { fundTotals, loadLines, presentLine } from './budget.service';
import * as repo from './budget.repository';
import { currentSigner, latestCheckpoint } from './checkpoints';
import { ensureSettings } from './ledger.repository';

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
    const pn = await networksOfPlans(tx, tenantId, planIds);
    if (q.networkId) {
      const inNet = new Set(pn.filter((x) => x.networkId === q.networkId).map((x) => x.planId));
      lines = lines.filter((l) => inNet.has(l.row.planId));
    }
    if (q.projectId) lines = lines.filter((l) => l.row.projectId === q.projectId);
    const b = await repo.balances(tx, tenantId);
    const presented = lines.map((l) => ({ info: l, line: presentLine(l, b, q.fundId) }));

    // planned budgets come from the plans in scope (not only those with budget lines)
    const yearPlans = await plansOfYear(tx, tenantId, q.fiscalYear);
    const yearPlanIds = yearPlans.map((p) => p.id);
    const allPn = await networksOfPlans(tx, tenantId, yearPlanIds);
    const scopePlanIds = new Set(q.networkId ? allPn.filter((x) => x.networkId === q.networkId).map((x) => x.planId) : yearPlanIds);
    const scopeIds = [...scopePlanIds];
    const projectRows = await plannedProjects(tx, tenantId, scopeIds);
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
    const netNames = await repo.networkNames(tx, tenantId, networkIds);
    const byNetwork = netNames.map((n) => {
      const a = zero();
      const plansOf = new Set(allPn.filter((x) => x.networkId === n.id).map((x) => x.planId));
      for (const p of projects) if (plansOf.has(p.planId)) a.plannedSatang += Number(p.planned);
      for (const { line } of presented) if (plansOf.has(line.plan.id)) add(a, line, 0);
      return { id: n.id, name: n.name, ...a };
    });

    // funds
    const funds = await repo.fundsFor(tx, tenantId, q);
    const byFund = funds.map((f) => ({ id: f.id, name: f.name, kind: f.kind as FundKind, fiscalYear: f.fiscalYear, ...fundTotals(b, f.id) }));
    const bySourceKind = (['municipal', 'partner_cash', 'in_kind', 'grant', 'donation'] as const).map((kind) => ({
      kind,
      receivedSatang: byFund.filter((f) => f.kind === kind).reduce((s, f) => s + f.receivedSatang, 0),
    }));

    // who gave what: in scope of a network/project, what the partner's funds paid or committed there
    const scoped = !!(q.networkId || q.projectId);
    const scopeLines = new Set(presented.map((p) => p.line.id));
    const partyIds = [...new Set(funds.map((f) => f.partyId).filter((x): x is string => !!x))];
    const ps = await repo.partiesByIds(tx, tenantId, partyIds);
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
    const head = await repo.chainHead(tx, tenantId);
    const years = await repo.budgetYears(tx, tenantId);
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
      fiscalYears: years,
    };
  });
}

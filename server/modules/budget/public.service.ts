import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { LedgerAccount, PublicTransaction, publicLedgerQuery, TransactionKind } from '../../../common/schemas/budget';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import type { Db } from '../../platform/db';
import { withTenant } from '../../platform/db';
import { partyLabels } from '../partners/partners.repository';
import { fundLabels, lineLabels } from './budget.repository';
import * as ledger from './ledger.repository';

/** Public pages read as nobody in particular: the tenant is set for row-level security, no user is involved. */
export const publicContext = (db: Db, tenant: TenantRef): TenantContext => ({ db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' });

/**
 * The posted ledger for everyone: amounts, funds, budget lines and hashes, so anyone can recompute the
 * chain. No maker or approver names; a private individual is never named, and the description of their
 * transactions (free text that may name them) is left out.
 */
export async function publicLedger(ctx: TenantContext, q: z.output<typeof publicLedgerQuery>): Promise<ListResult<PublicTransaction>> {
  const tenantId = ctx.tenant.id;
  return withTenant(ctx.db, tenantId, async (tx) => {
    const page = await ledger.postedPage(tx, tenantId, q.fiscalYear, q.pageSize, (q.page - 1) * q.pageSize);
    const txs = page.rows;
    const entries = await ledger.entriesOf(
      tx,
      tenantId,
      txs.map((x) => x.id),
    );
    const funds = new Map((await fundLabels(tx, tenantId)).map((f) => [f.id, f.name]));
    const lines = new Map((await lineLabels(tx, tenantId)).map((l) => [l.id, l.name]));
    const partyIds = [...new Set(txs.map((x) => x.partyId).filter((x): x is string => !!x))];
    const ps = await partyLabels(tx, tenantId, partyIds);
    const party = new Map(ps.map((p) => [p.id, p]));
    const reversed = txs.map((x) => x.reversesId).filter((x): x is string => !!x);
    const reversedSeq = new Map((await ledger.seqsOf(tx, tenantId, reversed)).map((r) => [r.id, r.seq]));
    return {
      items: txs.map((x) => {
        const p = x.partyId ? party.get(x.partyId) : undefined;
        const person = p?.kind === 'person';
        return {
          seq: x.seq!,
          occurredOn: x.occurredOn,
          fiscalYear: x.fiscalYear,
          kind: x.kind as TransactionKind,
          description: person ? null : x.description,
          counterparty: p && !person ? p.name : null,
          totalSatang: Number(x.totalSatang),
          reversesSeq: x.reversesId ? (reversedSeq.get(x.reversesId) ?? null) : null,
          entries: entries
            .filter((e) => e.transactionId === x.id)
            .map((e) => {
              const amount = Number(e.amountSatang);
              return {
                account: e.account as LedgerAccount,
                fund: funds.get(e.fundId) ?? '',
                budgetLine: e.budgetLineId ? (lines.get(e.budgetLineId) ?? null) : null,
                debitSatang: amount > 0 ? amount : 0,
                creditSatang: amount < 0 ? -amount : 0,
              };
            }),
          prevHash: x.prevHash!,
          hash: x.hash!,
        };
      }),
      total: page.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

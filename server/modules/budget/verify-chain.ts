import type { VerifyResult } from '../../../common/schemas/budget';
import { GENESIS_HASH } from '../../../common/schemas/budget';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { chainHash } from './chain';
import { currentSigner, verifySignature } from './checkpoints';
import { contentOf } from './ledger.service';
import * as ledger from './ledger.repository';

/** Checking the hash chain: the whole walk (API, CLI, backups) and a kept checkpoint against the key and the ledger. */

/** A checkpoint someone kept (from the public page or an export), checked against the key and the ledger. */
export async function checkKeptCheckpoint(ctx: TenantContext, c: { seq: number; headHash: string; signedAt: string; signature: string }) {
  const signer = currentSigner();
  const signatureValid =
    !!signer && verifySignature(signer.publicKey, { tenantId: ctx.tenant.id, seq: c.seq, headHash: c.headHash, signedAt: c.signedAt }, c.signature);
  const matchesLedger = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    return (await ledger.postedHashAt(tx, ctx.tenant.id, c.seq)) === c.headHash;
  });
  return { signatureValid, matchesLedger };
}

const VERIFY_PAGE = 500;

/**
 * Re-walk the tenant's chain from the first posted transaction: each must link to the hash before it,
 * carry the next sequence number, and hash to what is stored; the head must name the last one.
 * Pages of 500 transactions keep memory flat for long ledgers.
 */
export async function verifyChain(db: Db, tenantId: string): Promise<VerifyResult> {
  return withTenant(db, tenantId, async (tx) => {
    const head = await ledger.settingsRow(tx, tenantId);
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let checked = 0;
    // signed checkpoints: the hash each names must still be the hash at its place in the chain
    const signer = currentSigner();
    const checkpoints = new Map((await ledger.checkpointsOf(tx, tenantId)).map((c) => [c.seq, c]));
    const badCheckpoint = (seq: number, hash: string | null) => {
      const c = checkpoints.get(seq);
      if (!c) return false;
      if (c.headHash !== hash) return true;
      return (
        !!signer &&
        c.keyId === signer.keyId &&
        !verifySignature(signer.publicKey, { tenantId, seq, headHash: c.headHash, signedAt: new Date(c.signedAt).toISOString() }, c.signature)
      );
    };
    for (;;) {
      const page = await ledger.postedFrom(tx, tenantId, expectedSeq, VERIFY_PAGE);
      if (!page.length) break;
      const entries = await ledger.entriesOf(
        tx,
        tenantId,
        page.map((p) => p.id),
      );
      const byTx = new Map<string, ledger.EntryRow[]>();
      for (const e of entries) byTx.set(e.transactionId, [...(byTx.get(e.transactionId) ?? []), e]);
      for (const t of page) {
        const fail = (reason: VerifyResult['reason']): VerifyResult => ({
          valid: false,
          checked,
          firstInvalidId: t.id,
          reason,
          headHash: head.headHash,
          headSeq: head.headSeq,
        });
        if (t.seq !== expectedSeq) return fail('sequence_gap');
        if (t.prevHash !== prev) return fail('broken_link');
        const content = contentOf(t, byTx.get(t.id) ?? [], t.seq, new Date(t.postedAt!), { id: t.approverUserId, name: t.approverName });
        checked++;
        if (chainHash(prev, content) !== t.hash) return fail('hash_mismatch');
        if (badCheckpoint(t.seq, t.hash)) return fail('checkpoint_mismatch');
        prev = t.hash!;
        expectedSeq++;
      }
    }
    if (head.headSeq !== checked || head.headHash !== prev)
      return { valid: false, checked, reason: 'head_mismatch', headHash: head.headHash, headSeq: head.headSeq };
    // a checkpoint beyond the last transaction: the tail was removed and the head moved back
    if ([...checkpoints.keys()].some((seq) => seq > checked))
      return { valid: false, checked, reason: 'checkpoint_mismatch', headHash: head.headHash, headSeq: head.headSeq };
    return { valid: true, checked, headHash: head.headHash, headSeq: head.headSeq };
  });
}

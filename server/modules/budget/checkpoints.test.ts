import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { budgetSettings, ledgerEntries, ledgerTransactions } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../test/harness';
import { chainHash } from './chain';
import { checkpointMessage } from './checkpoints';
import { budgetTenant, instalments } from './fixtures';
import { contentOf } from './ledger.service';
import { verifyChain } from './verify-chain';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** What a superuser with the database (and not the key) can do: change a row, recompute every later hash and the head. */
async function rewriteHistory(tenantId: string, firstId: string) {
  await t.database.db.transaction(async (tx) => {
    for (const table of ['ledger_entries', 'ledger_transactions']) await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    await tx.execute(sql`update ledger_entries set amount_satang = amount_satang + sign(amount_satang) * 100 where transaction_id = ${firstId}`);
    await tx.execute(sql`update ledger_transactions set total_satang = total_satang + 100 where id = ${firstId}`);
    const txs = await tx.select().from(ledgerTransactions).where(eq(ledgerTransactions.tenantId, tenantId)).orderBy(asc(ledgerTransactions.seq));
    let prev = '0'.repeat(64);
    for (const row of txs) {
      const entries = await tx.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, row.id));
      const hash = chainHash(prev, contentOf(row, entries, row.seq!, new Date(row.postedAt!), { id: row.approverUserId, name: row.approverName }));
      await tx.update(ledgerTransactions).set({ prevHash: prev, hash }).where(eq(ledgerTransactions.id, row.id));
      prev = hash;
    }
    await tx.update(budgetSettings).set({ headHash: prev }).where(eq(budgetSettings.tenantId, tenantId));
    // the data version's deferred trigger (migration 0050) must fire before the table may be altered again
    await tx.execute(sql`set constraints all immediate`);
    for (const table of ['ledger_entries', 'ledger_transactions']) await tx.execute(sql.raw(`alter table ${table} enable trigger user`));
  });
}

describe('signed checkpoints of the chain head', () => {
  it('signs every new head with a key outside the database, publishes it, and detects a full recompute', async () => {
    const s = await budgetTenant(t);
    const ids = await instalments(s, 1, 2);
    // a checkpoint someone kept from the public page after the second post
    const kept: { seq: number; headHash: string; signedAt: string; signature: string } = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget` })
    ).json().chain.checkpoint;
    ids.push(...(await instalments(s, 3, 3)));
    const pub = (await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget` })).json();
    expect(pub.chain.checkpoint).toMatchObject({ seq: 3, headHash: pub.chain.headHash });
    expect(pub.chain.publicKey).toContain('BEGIN PUBLIC KEY');
    // anyone can check the signature with the published key
    const message = checkpointMessage({ tenantId: pub.chain.tenantId, seq: 3, headHash: pub.chain.headHash, signedAt: pub.chain.checkpoint.signedAt });
    expect(crypto.verify(null, Buffer.from(message), crypto.createPublicKey(pub.chain.publicKey), Buffer.from(pub.chain.checkpoint.signature, 'base64'))).toBe(
      true,
    );
    // the private key lives in the data folder, owner-only, and nowhere in the database
    const keyFile = path.join(t.config.dataDir, 'ledger', 'signing-key.pem');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const dump = JSON.stringify((await t.database.db.execute(sql`select * from ledger_checkpoints`)) as unknown);
    expect(dump).not.toContain('PRIVATE KEY');

    const check = (body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/${s.tenant.slug}/budget/checkpoint/verify`,
        payload: body as never,
        headers: { origin: 'http://localhost', host: 'localhost' },
      });
    expect((await check(kept)).json()).toEqual({ signatureValid: true, matchesLedger: true });
    expect((await check({ ...kept, seq: 1 })).json().signatureValid).toBe(false);
    expect((await verifyChain(t.database.db, s.tenant.id)).valid).toBe(true);

    // the ledger export carries the latest checkpoint and the public key
    const xlsx = await s.api.get(`${s.base}/budget/export/ledger.xlsx?fiscalYear=2569`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain(pub.chain.checkpoint.signature);
    expect(cells).toContain(pub.chain.publicKey);

    await rewriteHistory(s.tenant.id, ids[0]);
    // the stored checkpoints name hashes the ledger no longer has
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: false, reason: 'checkpoint_mismatch', firstInvalidId: ids[0] });
    // and when the checkpoints are deleted too, the chain alone looks valid — a checkpoint someone kept does not
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table ledger_checkpoints disable trigger user`);
      await tx.execute(sql`delete from ledger_checkpoints where tenant_id = ${s.tenant.id}`);
      // the data version's deferred trigger (migration 0050) must fire before the table may be altered again
      await tx.execute(sql`set constraints all immediate`);
      await tx.execute(sql`alter table ledger_checkpoints enable trigger user`);
    });
    expect((await verifyChain(t.database.db, s.tenant.id)).valid).toBe(true);
    expect((await check(kept)).json()).toEqual({ signatureValid: true, matchesLedger: false });
  });
});

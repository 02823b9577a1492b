import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  budgetLine,
  budgetSettings,
  budgetSettingsUpdate,
  checkpointCheck,
  checkpointCheckResult,
  evidence,
  exportQuery,
  fund,
  fundCreate,
  fundUpdate,
  fundListQuery,
  lineCreate,
  lineListQuery,
  lineUpdate,
  publicLedgerQuery,
  publicTransaction,
  publicTransparency,
  rejectBody,
  reverseBody,
  transaction,
  transactionCreate,
  transactionListQuery,
  transparency,
  transparencyQuery,
  verifyResult,
} from '../../../common/schemas/budget';
import { adminsOnly, anyTenantRole, editors, officers, PUBLIC } from '../../platform/access';
import { sendXlsx } from '../../platform/export';
import { readUpload } from '../../platform/files/upload';
import * as budget from './budget.service';
import * as report from './transparency';
import { loadSigner, useSigner } from './checkpoints';
import { addEvidence, sendEvidence } from './evidence';
import * as ledger from './ledger.service';
import * as settings from './settings.service';
import * as chain from './verify-chain';
import { publicContext, publicLedger } from './public.service';
import { ledgerWorkbook, summaryWorkbook } from './reports';

/** A ledger workbook is never kept by a cache. */
const sendUncachedXlsx = (reply: FastifyReply, name: string, buf: Buffer) => sendXlsx(reply.header('cache-control', 'private, no-store'), name, buf);

export async function budgetRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // every post signs the new chain head with the key kept outside the database
  useSigner(loadSigner(app.config.dataDir));
  const tags = ['budget'];
  const base = '/api/v1/t/:tenant/budget';
  const lbase = '/api/v1/t/:tenant/ledger';
  const evidenceParams = idParams.extend({ evidenceId: z.uuid() });

  // ---- settings, funds, lines ----
  r.get(
    `${base}/settings`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Approval threshold and the head of the hash chain', params: tenantParams, response: { 200: budgetSettings } },
    },
    (req) => settings.getSettings(req.tenantCtx),
  );
  r.put(
    `${base}/settings`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary:
          'Set the approval threshold (transactions at or above it wait for a second person) and the evidence threshold (expenses at or above it wait for a receipt). Lowering takes effect at once; raising waits for another officer to approve',
        params: tenantParams,
        body: budgetSettingsUpdate,
        response: { 200: budgetSettings },
      },
    },
    (req) => settings.updateSettings(req.tenantCtx, req.body),
  );
  r.post(
    `${base}/settings/approve`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Put a proposed threshold change in force (an officer other than the one who proposed it)',
        params: tenantParams,
        response: { 200: budgetSettings },
      },
    },
    (req) => settings.decideSettings(req.tenantCtx, 'approve'),
  );
  r.post(
    `${base}/settings/reject`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Drop a proposed threshold change (another officer, or the proposer withdrawing it)',
        params: tenantParams,
        response: { 200: budgetSettings },
      },
    },
    (req) => settings.decideSettings(req.tenantCtx, 'reject'),
  );
  r.get(
    `${base}/funds`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Sources of funds with what each received, committed, spent and has left',
        params: tenantParams,
        querystring: fundListQuery,
        response: { 200: listOf(fund) },
      },
    },
    (req) => budget.listFunds(req.tenantCtx, req.query),
  );
  r.post(
    `${base}/funds`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add a source of funds (municipal budget, partner cash, in-kind, grant, donation) tied to its party',
        params: tenantParams,
        body: fundCreate,
        response: { 201: fund },
      },
    },
    async (req, reply) => reply.code(201).send(await budget.createFund(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/funds/:id`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Change the name, kind, party or note of a fund (audited; a name is unique within its fiscal year)',
        params: idParams,
        body: fundUpdate,
        response: { 200: fund },
      },
    },
    (req) => budget.updateFund(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/funds/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a fund no ledger entry names (409 otherwise)', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await budget.deleteFund(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    `${base}/lines`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Budget lines of joint plans: planned, allocated, committed, spent, remaining',
        params: tenantParams,
        querystring: lineListQuery,
        response: { 200: listOf(budgetLine) },
      },
    },
    (req) => budget.listLines(req.tenantCtx, req.query),
  );
  r.post(
    `${base}/lines`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add a budget line for a plan, project or activity (allocation defaults to its planned budget)',
        params: tenantParams,
        body: lineCreate,
        response: { 201: budgetLine },
      },
    },
    async (req, reply) => reply.code(201).send(await budget.createLine(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/lines/:id`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Rename a budget line or change its allocation (not below what it has committed and spent)',
        params: idParams,
        body: lineUpdate,
        response: { 200: budgetLine },
      },
    },
    (req) => budget.updateLine(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/lines/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a budget line no ledger entry names (409 otherwise)', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await budget.deleteLine(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    `${base}/transparency`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Planned vs committed vs spent per network, project and fund; who gave what; leverage',
        params: tenantParams,
        querystring: transparencyQuery,
        response: { 200: transparency },
      },
    },
    (req) => report.transparency(req.tenantCtx, req.query),
  );
  r.get(
    `${base}/export/ledger.xlsx`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'XLSX: the posted ledger of a fiscal year (B.E.), totals in Thai words', params: tenantParams, querystring: exportQuery },
    },
    async (req, reply) => sendUncachedXlsx(reply, `ledger-${req.query.fiscalYear}`, await ledgerWorkbook(req.tenantCtx, req.query.fiscalYear)),
  );
  r.get(
    `${base}/export/summary.xlsx`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'XLSX: budget summary of a fiscal year (B.E.) with sources and contributors, totals in Thai words',
        params: tenantParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => sendUncachedXlsx(reply, `budget-summary-${req.query.fiscalYear}`, await summaryWorkbook(req.tenantCtx, req.query.fiscalYear)),
  );

  // ---- ledger ----
  r.get(
    `${lbase}/transactions`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Ledger transactions, pending first',
        params: tenantParams,
        querystring: transactionListQuery,
        response: { 200: listOf(transaction) },
      },
    },
    (req) => ledger.listTransactions(req.tenantCtx, req.query),
  );
  r.post(
    `${lbase}/transactions`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary:
          'Record a transaction: entries in integer satang that balance. It waits for a second officer at or above the threshold, when it looks split to stay under it, or when it overdraws a fund or a line (409 without exceptionReason); an expense at or above the evidence threshold waits for a receipt',
        params: tenantParams,
        body: transactionCreate,
        response: { 201: transaction },
      },
    },
    async (req, reply) => reply.code(201).send(await ledger.createTransaction(req.tenantCtx, req.body)),
  );
  r.get(
    `${lbase}/transactions/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'One transaction with entries and evidence', params: idParams, response: { 200: transaction } },
    },
    (req) => ledger.getTransaction(req.tenantCtx, req.params.id),
  );
  r.post(
    `${lbase}/transactions/:id/approve`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Approve a pending transaction (not your own): it joins the hash chain', params: idParams, response: { 200: transaction } },
    },
    (req) => ledger.approve(req.tenantCtx, req.params.id),
  );
  r.post(
    `${lbase}/transactions/:id/reject`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Reject a pending transaction with a reason', params: idParams, body: rejectBody, response: { 200: transaction } },
    },
    (req) => ledger.reject(req.tenantCtx, req.params.id, req.body.reason),
  );
  r.post(
    `${lbase}/transactions/:id/reverse`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Correct a posted transaction with a reversing one (the original is never changed)',
        params: idParams,
        body: reverseBody,
        response: { 201: transaction },
      },
    },
    async (req, reply) => reply.code(201).send(await ledger.reverse(req.tenantCtx, req.params.id, req.body)),
  );
  r.post(
    `${lbase}/transactions/:id/evidence`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Attach a receipt (multipart "file": photo or PDF, detected from the content); an expense waiting only for it is then posted',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: evidence },
      },
    },
    async (req, reply) => {
      const added = await addEvidence(req.tenantCtx, app.config.dataDir, req.params.id, await readUpload(req));
      // an expense that waited only for its receipt is posted now
      await ledger.postWhenEvidenced(req.tenantCtx, req.params.id);
      return reply.code(201).send(added);
    },
  );
  r.get(
    `${lbase}/transactions/:id/evidence/:evidenceId`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'Download a receipt', params: evidenceParams } },
    (req, reply) => sendEvidence(req.tenantCtx, app.config.dataDir, req.params.id, req.params.evidenceId, reply),
  );
  r.get(
    `${lbase}/verify`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Re-walk the hash chain and name the first transaction that does not match',
        params: tenantParams,
        response: { 200: verifyResult },
      },
    },
    (req) => chain.verifyChain(req.tenantCtx.db, req.tenantCtx.tenant.id),
  );

  // ---- public (no login, no personal data) ----
  const ptags = ['public'];
  const pbase = '/api/v1/public/:tenant/budget';
  const tenantOf = async (slug: string) => publicContext(app.db, await app.tenantDirectory.get(slug));
  r.get(
    pbase,
    {
      config: { access: PUBLIC },
      schema: {
        tags: ptags,
        summary: 'Public budget transparency: planned vs spent, who gave what, leverage, chain head (no personal data)',
        params: tenantParams,
        querystring: transparencyQuery,
        response: { 200: publicTransparency },
      },
    },
    async (req) => {
      const ctx = await tenantOf(req.params.tenant);
      return { ...(await report.transparency(ctx, req.query, true)), tenant: { slug: ctx.tenant.slug, nameTh: ctx.tenant.nameTh, nameEn: ctx.tenant.nameEn } };
    },
  );
  r.get(
    `${pbase}/ledger`,
    {
      config: { access: PUBLIC },
      schema: {
        tags: ptags,
        summary: 'Public posted ledger with hashes (anyone can recompute the chain)',
        params: tenantParams,
        querystring: publicLedgerQuery,
        response: { 200: listOf(publicTransaction) },
      },
    },
    async (req) => publicLedger(await tenantOf(req.params.tenant), req.query),
  );
  r.post(
    `${pbase}/checkpoint/verify`,
    {
      config: { access: PUBLIC },
      schema: {
        tags: ptags,
        summary: 'Check a signed checkpoint someone kept: is the signature the tenant key’s, and does the ledger still have that hash at that place',
        params: tenantParams,
        body: checkpointCheck,
        response: { 200: checkpointCheckResult },
      },
    },
    async (req) => chain.checkKeptCheckpoint(await tenantOf(req.params.tenant), req.body),
  );
  r.get(
    `${pbase}/verify`,
    { config: { access: PUBLIC }, schema: { tags: ptags, summary: 'Verify the hash chain (public)', params: tenantParams, response: { 200: verifyResult } } },
    async (req) => {
      const ctx = await tenantOf(req.params.tenant);
      return chain.verifyChain(ctx.db, ctx.tenant.id);
    },
  );
}

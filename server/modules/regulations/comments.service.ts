import type { z } from 'zod';
import type {
  CommentPeriod,
  CommentPeriodDetail,
  CommentPeriodStatus,
  commentAnswer,
  commentInput,
  commentPeriodInput,
  PublicCommentPeriods,
  publicCommentInput,
  RegulationComment,
} from '../../../common/schemas/regulations';
import { audit } from '../../platform/audit';
import { actorUserId, canAct, SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import * as comments from './comments.repository';
import * as repo from './regulations.repository';
import { chaptersOf } from './regulations.service';

/**
 * Comment periods (การรับฟังความคิดเห็น) on a draft version: an officer opens one with its dates; while it is open
 * (today inside the dates, Thai time, and the version still a draft) members comment on a clause in the app and
 * citizens through the public page, where a name is optional. Officers read the comments by clause with their
 * authors and answer them; members see only their own; the public sees counts per clause, never text or names.
 */
type PeriodRow = comments.PeriodRow;

const isOfficer = (ctx: TenantContext) => canAct(ctx.actor, ['admin', 'officer']);

export function periodStatus(p: { startsOn: string; endsOn: string; versionStatus: string }, today = todayInThailand()): CommentPeriodStatus {
  if (p.versionStatus !== 'draft' || today > p.endsOn) return 'closed';
  return today < p.startsOn ? 'upcoming' : 'open';
}

const presentPeriod = (p: PeriodRow): CommentPeriod => ({
  id: p.id,
  regulationId: p.regulationId,
  subject: p.subject,
  version: { id: p.versionId, number: p.versionNumber, title: p.versionTitle, status: p.versionStatus },
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  note: p.note,
  status: periodStatus(p),
  commentCount: p.commentCount,
  unansweredCount: p.unansweredCount,
});

async function onePeriod(tx: Tx, tenantId: string, id: string) {
  const [p] = await comments.periodRows(tx, tenantId, { id });
  if (!p) throw new AppError('not_found');
  return p;
}

export const listCommentPeriods = (ctx: TenantContext, regulationId?: string): Promise<CommentPeriod[]> =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) => (await comments.periodRows(tx, ctx.tenant.id, { regulationId })).map(presentPeriod));

async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<CommentPeriodDetail> {
  const p = await onePeriod(tx, ctx.tenant.id, id);
  const chapters = chaptersOf(await repo.clauseRows(tx, ctx.tenant.id, [p.versionId]));
  const officer = isOfficer(ctx);
  const userId = actorUserId(ctx);
  const found = await comments.commentRows(tx, ctx.tenant.id, id, officer, userId);
  const shown: (RegulationComment & { clauseNumber: string })[] = found.map((c) => ({
    id: c.id,
    clauseNumber: c.clauseNumber,
    body: c.body,
    channel: c.channel,
    authorName: officer || c.authorUserId === userId ? c.authorName : null,
    mine: userId !== null && c.authorUserId === userId,
    reply: c.reply,
    answeredBy: c.answeredBy,
    answeredAt: c.answeredAt ? new Date(c.answeredAt).toISOString() : null,
    createdAt: new Date(c.createdAt).toISOString(),
  }));
  const numbers = chapters.flatMap((ch) => ch.clauses.map((c) => c.number));
  const orphans = [...new Set(shown.map((c) => c.clauseNumber).filter((n) => !numbers.includes(n)))];
  const status = periodStatus(p);
  return {
    ...presentPeriod(p),
    preamble: p.preamble,
    chapters,
    clauses: [...numbers.map((n) => ({ number: n, inDraft: true })), ...orphans.map((n) => ({ number: n, inDraft: false }))].map((c) => ({
      ...c,
      comments: shown.filter((x) => x.clauseNumber === c.number),
    })),
    canComment: status === 'open' && ctx.actor.role !== 'system',
    canAnswer: officer,
  };
}

export const getCommentPeriod = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadDetail(tx, ctx, id));

export function openCommentPeriod(
  ctx: TenantContext,
  regulationId: string,
  versionId: string,
  input: z.output<typeof commentPeriodInput>,
): Promise<CommentPeriodDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await comments.versionStatusForUpdate(tx, ctx.tenant.id, regulationId, versionId);
    if (!v) throw new AppError('not_found');
    if (v.status !== 'draft') throw new AppError('conflict', { versionId: 'not_a_draft' });
    assertDateOrder(input.startsOn, input.endsOn, 'endsOn');
    if (input.endsOn < todayInThailand()) throw new AppError('validation_failed', { endsOn: 'comment_period_in_past' });
    if (await comments.periodOverlaps(tx, ctx.tenant.id, versionId, input.startsOn, input.endsOn))
      throw new AppError('conflict', { startsOn: 'comment_period_overlap' });
    const row = {
      id: await comments.insertPeriod(tx, ctx.tenant.id, versionId, {
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        note: input.note,
        openedByName: ctx.actor.user.name,
      }),
    };
    await audit(tx, ctx, {
      entity: 'regulation_comment_period',
      entityId: row.id,
      entityLabel: v.title,
      action: 'create',
      after: { versionId, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note },
    });
    return loadDetail(tx, ctx, row.id);
  });
}

/** The common path of a member's and a citizen's comment: the period must be open and the clause in the draft. */
async function insertComment(
  tx: Tx,
  ctx: TenantContext,
  periodId: string,
  input: z.output<typeof commentInput>,
  author: { channel: 'member' | 'public'; userId: string | null; name: string | null },
) {
  if (!(await comments.lockPeriodForComment(tx, ctx.tenant.id, periodId))) throw new AppError('not_found');
  const p = await onePeriod(tx, ctx.tenant.id, periodId);
  const status = periodStatus(p);
  if (status !== 'open') throw new AppError('conflict', { body: status === 'upcoming' ? 'comment_period_not_open' : 'comment_period_closed' });
  if (!(await comments.clauseInVersion(tx, ctx.tenant.id, p.versionId, input.clauseNumber)))
    throw new AppError('validation_failed', { clauseNumber: 'unknown_clause' });
  const row = {
    id: await comments.insertCommentRow(tx, ctx.tenant.id, periodId, { clauseNumber: input.clauseNumber, body: input.body, ...author }),
  };
  await audit(tx, ctx, {
    entity: 'regulation_comment',
    entityId: row.id,
    entityLabel: `${p.versionTitle} ข้อ ${input.clauseNumber}`,
    action: 'create',
    // a citizen's name stays out of the audit log's after-image: it is personal data kept for officers only
    after: { periodId, clauseNumber: input.clauseNumber, channel: author.channel, body: input.body },
  });
  return row.id;
}

export function addComment(ctx: TenantContext, periodId: string, input: z.output<typeof commentInput>): Promise<CommentPeriodDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (ctx.actor.role === 'system') throw new AppError('forbidden');
    await insertComment(tx, ctx, periodId, input, { channel: 'member', userId: ctx.actor.user.id, name: ctx.actor.user.name });
    return loadDetail(tx, ctx, periodId);
  });
}

/** A citizen's comment through the public page (rate-limited with the other public routes); answers only whether it was taken. */
export function addPublicComment(db: Db, tenant: TenantRef, periodId: string, input: z.output<typeof publicCommentInput>): Promise<{ id: string }> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  return withTenant(db, tenant.id, async (tx) => ({
    id: await insertComment(tx, ctx, periodId, { clauseNumber: input.clauseNumber, body: input.body }, { channel: 'public', userId: null, name: input.name }),
  }));
}

export function answerComment(ctx: TenantContext, commentId: string, input: z.output<typeof commentAnswer>): Promise<CommentPeriodDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await comments.commentForUpdate(tx, ctx.tenant.id, commentId);
    if (!c) throw new AppError('not_found');
    await comments.setReply(tx, ctx.tenant.id, commentId, input.reply, ctx.actor.user.name);
    await audit(tx, ctx, {
      entity: 'regulation_comment',
      entityId: commentId,
      entityLabel: `ข้อ ${c.clauseNumber}`,
      action: 'update',
      before: { reply: c.reply },
      after: { reply: input.reply },
    });
    return loadDetail(tx, ctx, c.periodId);
  });
}

/** Open periods for the public page: each draft's text and the number of comments per clause — no text, no names. */
export function publicCommentPeriods(db: Db, tenant: TenantRef): Promise<PublicCommentPeriods> {
  return withTenant(db, tenant.id, async (tx) => {
    const today = todayInThailand();
    const open = (await comments.periodRows(tx, tenant.id, { openOn: today })).filter((p) => periodStatus(p, today) === 'open');
    const clauses = await repo.clauseRows(
      tx,
      tenant.id,
      open.map((p) => p.versionId),
    );
    const counts = await comments.commentCounts(
      tx,
      tenant.id,
      open.map((p) => p.id),
    );
    return {
      tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn },
      items: open.map((p) => {
        const { unansweredCount: _u, ...period } = presentPeriod(p);
        return {
          ...period,
          preamble: p.preamble,
          chapters: chaptersOf(clauses.filter((c) => c.versionId === p.versionId)),
          counts: Object.fromEntries(counts.filter((c) => c.periodId === p.id).map((c) => [c.clauseNumber, c.n])),
        };
      }),
    };
  });
}

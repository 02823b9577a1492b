import { sql, type SQL } from 'drizzle-orm';
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
import { canAct, SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { rows } from '../../platform/sql';
import * as repo from './regulations.repository';
import { chaptersOf } from './regulations.service';

/**
 * Comment periods (การรับฟังความคิดเห็น) on a draft version: an officer opens one with its dates; while it is open
 * (today inside the dates, Thai time, and the version still a draft) members comment on a clause in the app and
 * citizens through the public page, where a name is optional. Officers read the comments by clause with their
 * authors and answer them; members see only their own; the public sees counts per clause, never text or names.
 */
type PeriodRow = {
  id: string;
  regulationId: string;
  subject: string;
  versionId: string;
  versionNumber: number;
  versionTitle: string;
  versionStatus: 'draft' | 'adopted';
  preamble: string | null;
  startsOn: string;
  endsOn: string;
  note: string | null;
  commentCount: number;
  unansweredCount: number;
};

const isOfficer = (ctx: TenantContext) => canAct(ctx.actor, ['admin', 'officer']);

export function periodStatus(p: { startsOn: string; endsOn: string; versionStatus: string }, today = todayInThailand()): CommentPeriodStatus {
  if (p.versionStatus !== 'draft' || today > p.endsOn) return 'closed';
  return today < p.startsOn ? 'upcoming' : 'open';
}

function periodRows(tx: Tx, tenantId: string, where: SQL) {
  return rows<PeriodRow>(
    tx,
    sql`select p.id, v.regulation_id as "regulationId", r.subject, v.id as "versionId", v.number as "versionNumber", v.title as "versionTitle",
               v.status as "versionStatus", v.preamble, p.starts_on::text as "startsOn", p.ends_on::text as "endsOn", p.note,
               (select count(*)::int from regulation_comments c where c.tenant_id = p.tenant_id and c.period_id = p.id) as "commentCount",
               (select count(*)::int from regulation_comments c where c.tenant_id = p.tenant_id and c.period_id = p.id and c.reply is null) as "unansweredCount"
        from regulation_comment_periods p
        join regulation_versions v on v.tenant_id = p.tenant_id and v.id = p.version_id
        join regulations r on r.tenant_id = v.tenant_id and r.id = v.regulation_id
        where p.tenant_id = ${tenantId} and ${where}
        order by p.starts_on desc, p.created_at desc, p.id`,
  );
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
  const [p] = await periodRows(tx, tenantId, sql`p.id = ${id}`);
  if (!p) throw new AppError('not_found');
  return p;
}

export const listCommentPeriods = (ctx: TenantContext, regulationId?: string): Promise<CommentPeriod[]> =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) =>
    (await periodRows(tx, ctx.tenant.id, regulationId ? sql`v.regulation_id = ${regulationId}` : sql`true`)).map(presentPeriod),
  );

async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<CommentPeriodDetail> {
  const p = await onePeriod(tx, ctx.tenant.id, id);
  const chapters = chaptersOf(await repo.clauseRows(tx, ctx.tenant.id, [p.versionId]));
  const officer = isOfficer(ctx);
  const userId = ctx.actor.role === 'system' ? null : ctx.actor.user.id;
  const found = await rows<{
    id: string;
    clauseNumber: string;
    body: string;
    channel: 'member' | 'public';
    authorUserId: string | null;
    authorName: string | null;
    reply: string | null;
    answeredBy: string | null;
    answeredAt: Date | string | null;
    createdAt: Date | string;
  }>(
    tx,
    sql`select id, clause_number as "clauseNumber", body, channel, author_user_id as "authorUserId", author_name as "authorName", reply,
               answered_by_name as "answeredBy", answered_at as "answeredAt", created_at as "createdAt"
        from regulation_comments
        where tenant_id = ${ctx.tenant.id} and period_id = ${id} and (${officer} or author_user_id = ${userId}::uuid)
        order by created_at, id`,
  );
  const comments: (RegulationComment & { clauseNumber: string })[] = found.map((c) => ({
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
  const orphans = [...new Set(comments.map((c) => c.clauseNumber).filter((n) => !numbers.includes(n)))];
  const status = periodStatus(p);
  return {
    ...presentPeriod(p),
    preamble: p.preamble,
    chapters,
    clauses: [...numbers.map((n) => ({ number: n, inDraft: true })), ...orphans.map((n) => ({ number: n, inDraft: false }))].map((c) => ({
      ...c,
      comments: comments.filter((x) => x.clauseNumber === c.number),
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
    const [v] = await rows<{ status: string; title: string }>(
      tx,
      sql`select status, title from regulation_versions where tenant_id = ${ctx.tenant.id} and regulation_id = ${regulationId} and id = ${versionId} for update`,
    );
    if (!v) throw new AppError('not_found');
    if (v.status !== 'draft') throw new AppError('conflict', { versionId: 'not_a_draft' });
    assertDateOrder(input.startsOn, input.endsOn, 'endsOn');
    if (input.endsOn < todayInThailand()) throw new AppError('validation_failed', { endsOn: 'comment_period_in_past' });
    const [overlap] = await rows(
      tx,
      sql`select 1 from regulation_comment_periods where tenant_id = ${ctx.tenant.id} and version_id = ${versionId}
          and starts_on <= ${input.endsOn}::date and ends_on >= ${input.startsOn}::date`,
    );
    if (overlap) throw new AppError('conflict', { startsOn: 'comment_period_overlap' });
    const [row] = await rows<{ id: string }>(
      tx,
      sql`insert into regulation_comment_periods (tenant_id, version_id, starts_on, ends_on, note, opened_by_name)
          values (${ctx.tenant.id}, ${versionId}, ${input.startsOn}, ${input.endsOn}, ${input.note}, ${ctx.actor.user.name}) returning id`,
    );
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
  const [locked] = await rows(tx, sql`select 1 from regulation_comment_periods where tenant_id = ${ctx.tenant.id} and id = ${periodId} for share`);
  if (!locked) throw new AppError('not_found');
  const p = await onePeriod(tx, ctx.tenant.id, periodId);
  const status = periodStatus(p);
  if (status !== 'open') throw new AppError('conflict', { body: status === 'upcoming' ? 'comment_period_not_open' : 'comment_period_closed' });
  const [clause] = await rows(
    tx,
    sql`select 1 from regulation_clauses where tenant_id = ${ctx.tenant.id} and version_id = ${p.versionId} and number = ${input.clauseNumber}`,
  );
  if (!clause) throw new AppError('validation_failed', { clauseNumber: 'unknown_clause' });
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into regulation_comments (tenant_id, period_id, clause_number, body, channel, author_user_id, author_name)
        values (${ctx.tenant.id}, ${periodId}, ${input.clauseNumber}, ${input.body}, ${author.channel}, ${author.userId}, ${author.name}) returning id`,
  );
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
    const [c] = await rows<{ periodId: string; reply: string | null; clauseNumber: string }>(
      tx,
      sql`select period_id as "periodId", reply, clause_number as "clauseNumber" from regulation_comments
          where tenant_id = ${ctx.tenant.id} and id = ${commentId} for update`,
    );
    if (!c) throw new AppError('not_found');
    await tx.execute(
      sql`update regulation_comments set reply = ${input.reply}, answered_by_name = ${ctx.actor.user.name}, answered_at = now()
          where tenant_id = ${ctx.tenant.id} and id = ${commentId}`,
    );
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
    const open = (await periodRows(tx, tenant.id, sql`v.status = 'draft' and p.starts_on <= ${today}::date and p.ends_on >= ${today}::date`)).filter(
      (p) => periodStatus(p, today) === 'open',
    );
    const clauses = await repo.clauseRows(
      tx,
      tenant.id,
      open.map((p) => p.versionId),
    );
    const counts = open.length
      ? await rows<{ periodId: string; clauseNumber: string; n: number }>(
          tx,
          sql`select period_id as "periodId", clause_number as "clauseNumber", count(*)::int as n from regulation_comments
              where tenant_id = ${tenant.id} and period_id in (${sql.join(
                open.map((p) => sql`${p.id}::uuid`),
                sql`, `,
              )}) group by period_id, clause_number`,
        )
      : [];
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

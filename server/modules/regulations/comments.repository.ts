import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

export type PeriodRow = {
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

/** Comment periods with their version and regulation and their comment counts, newest first: one, a regulation's, those open on a day, or all. */
export function periodRows(tx: Tx, tenantId: string, f: { id?: string; regulationId?: string; openOn?: string } = {}) {
  const where: SQL =
    f.id !== undefined
      ? sql`p.id = ${f.id}`
      : f.openOn !== undefined
        ? sql`v.status = 'draft' and p.starts_on <= ${f.openOn}::date and p.ends_on >= ${f.openOn}::date`
        : f.regulationId
          ? sql`v.regulation_id = ${f.regulationId}`
          : sql`true`;
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

export type CommentRow = {
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
};

/** A period's comments in order: all of them, or only this user's. */
export function commentRows(tx: Tx, tenantId: string, periodId: string, all: boolean, userId: string | null) {
  return rows<CommentRow>(
    tx,
    sql`select id, clause_number as "clauseNumber", body, channel, author_user_id as "authorUserId", author_name as "authorName", reply,
               answered_by_name as "answeredBy", answered_at as "answeredAt", created_at as "createdAt"
        from regulation_comments
        where tenant_id = ${tenantId} and period_id = ${periodId} and (${all} or author_user_id = ${userId}::uuid)
        order by created_at, id`,
  );
}

/** A version of the regulation, locked (undefined when unknown). */
export async function versionStatusForUpdate(tx: Tx, tenantId: string, regulationId: string, versionId: string) {
  const [v] = await rows<{ status: string; title: string }>(
    tx,
    sql`select status, title from regulation_versions where tenant_id = ${tenantId} and regulation_id = ${regulationId} and id = ${versionId} for update`,
  );
  return v;
}

/** Whether another period of the version overlaps the dates. */
export async function periodOverlaps(tx: Tx, tenantId: string, versionId: string, startsOn: string, endsOn: string): Promise<boolean> {
  const [overlap] = await rows(
    tx,
    sql`select 1 from regulation_comment_periods where tenant_id = ${tenantId} and version_id = ${versionId}
        and starts_on <= ${endsOn}::date and ends_on >= ${startsOn}::date`,
  );
  return !!overlap;
}

export async function insertPeriod(
  tx: Tx,
  tenantId: string,
  versionId: string,
  p: { startsOn: string; endsOn: string; note: string | null; openedByName: string },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into regulation_comment_periods (tenant_id, version_id, starts_on, ends_on, note, opened_by_name)
        values (${tenantId}, ${versionId}, ${p.startsOn}, ${p.endsOn}, ${p.note}, ${p.openedByName}) returning id`,
  );
  return row.id;
}

/** Share-lock the period (it cannot change while a comment is added); false when unknown. */
export async function lockPeriodForComment(tx: Tx, tenantId: string, periodId: string): Promise<boolean> {
  const [locked] = await rows(tx, sql`select 1 from regulation_comment_periods where tenant_id = ${tenantId} and id = ${periodId} for share`);
  return !!locked;
}

export async function clauseInVersion(tx: Tx, tenantId: string, versionId: string, clauseNumber: string): Promise<boolean> {
  const [clause] = await rows(
    tx,
    sql`select 1 from regulation_clauses where tenant_id = ${tenantId} and version_id = ${versionId} and number = ${clauseNumber}`,
  );
  return !!clause;
}

export async function insertCommentRow(
  tx: Tx,
  tenantId: string,
  periodId: string,
  c: { clauseNumber: string; body: string; channel: 'member' | 'public'; userId: string | null; name: string | null },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into regulation_comments (tenant_id, period_id, clause_number, body, channel, author_user_id, author_name)
        values (${tenantId}, ${periodId}, ${c.clauseNumber}, ${c.body}, ${c.channel}, ${c.userId}, ${c.name}) returning id`,
  );
  return row.id;
}

export async function commentForUpdate(tx: Tx, tenantId: string, commentId: string) {
  const [c] = await rows<{ periodId: string; reply: string | null; clauseNumber: string }>(
    tx,
    sql`select period_id as "periodId", reply, clause_number as "clauseNumber" from regulation_comments
        where tenant_id = ${tenantId} and id = ${commentId} for update`,
  );
  return c;
}

export async function setReply(tx: Tx, tenantId: string, commentId: string, reply: string, answeredByName: string): Promise<void> {
  await tx.execute(
    sql`update regulation_comments set reply = ${reply}, answered_by_name = ${answeredByName}, answered_at = now()
        where tenant_id = ${tenantId} and id = ${commentId}`,
  );
}

/** The number of comments per period and clause. */
export function commentCounts(tx: Tx, tenantId: string, periodIds: string[]) {
  if (!periodIds.length) return Promise.resolve([]);
  return rows<{ periodId: string; clauseNumber: string; n: number }>(
    tx,
    sql`select period_id as "periodId", clause_number as "clauseNumber", count(*)::int as n from regulation_comments
        where tenant_id = ${tenantId} and period_id in (${sql.join(
          periodIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) group by period_id, clause_number`,
  );
}

import { and, eq, sql } from 'drizzle-orm';
import { regulationChapters, regulationClauses, regulationFines, regulations, regulationVersions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

export interface RegulationRow {
  id: string;
  subject: string;
  networkId: string | null;
  networkName: string | null;
  title: string;
  versionCount: number;
  draftCount: number;
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((x) => sql`${x}::uuid`),
    sql`, `,
  );

/**
 * Regulations (all, or the one with that id) with the title of their latest version. The per-regulation subqueries
 * name the tenant as a constant, not the outer row's column: on Citus only a constant keeps a subquery on the tenant's
 * shard (docs/operations/scaling.md).
 */
export function regulationRows(tx: Tx, tenantId: string, id?: string) {
  return rows<RegulationRow>(
    tx,
    sql`select r.id, r.subject, r.network_id as "networkId", n.name as "networkName",
               (select v.title from regulation_versions v where v.tenant_id = ${tenantId} and v.regulation_id = r.id order by v.number desc limit 1) as title,
               (select count(*)::int from regulation_versions v where v.tenant_id = ${tenantId} and v.regulation_id = r.id) as "versionCount",
               (select count(*)::int from regulation_versions v where v.tenant_id = ${tenantId} and v.regulation_id = r.id and v.status = 'draft') as "draftCount"
        from regulations r left join networks n on n.tenant_id = r.tenant_id and n.id = r.network_id
        where r.tenant_id = ${tenantId}${id === undefined ? sql`` : sql` and r.id = ${id}`}
        order by ${thaiOrder(sql`r.subject`)}, r.created_at, r.id`,
  );
}

export interface VersionRow {
  id: string;
  regulationId: string;
  number: number;
  status: 'draft' | 'adopted';
  title: string;
  preamble: string | null;
  effectiveFrom: string | null;
  changeNote: string | null;
  adoptionKind: 'resolution' | 'community_vote' | null;
  adoptedOn: string | null;
  resolutionId: string | null;
  resolutionVotes: { for: number; against: number; abstain: number } | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  voteNote: string | null;
}

/** Which versions: of one regulation or several, with these ids, adopted only; any combination, none given: all. */
export interface VersionFilter {
  regulationId?: string;
  regulationIds?: string[];
  ids?: string[];
  adoptedOnly?: boolean;
}

/** Versions with the votes of their adopting resolution. */
export async function versionRows(tx: Tx, tenantId: string, f: VersionFilter = {}): Promise<VersionRow[]> {
  if (f.regulationIds?.length === 0 || f.ids?.length === 0) return [];
  const where = [sql`v.tenant_id = ${tenantId}`];
  if (f.regulationId !== undefined) where.push(sql`v.regulation_id = ${f.regulationId}`);
  if (f.regulationIds) where.push(sql`v.regulation_id in (${uuidList(f.regulationIds)})`);
  if (f.ids) where.push(sql`v.id in (${uuidList(f.ids)})`);
  if (f.adoptedOnly) where.push(sql`v.status = 'adopted'`);
  return rows<VersionRow>(
    tx,
    sql`select v.id, v.regulation_id as "regulationId", v.number, v.status, v.title, v.preamble, v.effective_from::text as "effectiveFrom",
               v.change_note as "changeNote", v.adoption_kind as "adoptionKind", v.adopted_on::text as "adoptedOn", v.resolution_id as "resolutionId",
               case when res.id is null then null else json_build_object('for', res.votes_for, 'against', res.votes_against, 'abstain', res.votes_abstain) end as "resolutionVotes",
               v.votes_for as "votesFor", v.votes_against as "votesAgainst", v.votes_abstain as "votesAbstain", v.vote_note as "voteNote"
        from regulation_versions v
        left join resolutions res on res.tenant_id = v.tenant_id and res.id = v.resolution_id
        where ${sql.join(where, sql` and `)}
        order by v.regulation_id, v.number`,
  );
}

export interface ClauseRow {
  id: string;
  versionId: string;
  chapterNumber: number;
  chapterTitle: string;
  number: string;
  text: string;
}

export function clauseRows(tx: Tx, tenantId: string, versionIds: string[]) {
  if (!versionIds.length) return Promise.resolve([] as ClauseRow[]);
  return rows<ClauseRow>(
    tx,
    sql`select cl.id, cl.version_id as "versionId", ch.number as "chapterNumber", ch.title as "chapterTitle", cl.number, cl.text
        from regulation_clauses cl join regulation_chapters ch on ch.tenant_id = cl.tenant_id and ch.id = cl.chapter_id
        where cl.tenant_id = ${tenantId} and cl.version_id in (${uuidList(versionIds)})
        order by ch.number, cl.position`,
  );
}

export interface FineRow {
  id: string;
  versionId: string;
  clauseId: string;
  clauseNumber: string;
  offence: string;
  amountSatang: string;
  repeatAmountSatang: string | null;
}

export function fineRows(tx: Tx, tenantId: string, versionIds: string[]) {
  if (!versionIds.length) return Promise.resolve([] as FineRow[]);
  return rows<FineRow>(
    tx,
    sql`select f.id, f.version_id as "versionId", f.clause_id as "clauseId", cl.number as "clauseNumber", f.offence,
               f.amount_satang::text as "amountSatang", f.repeat_amount_satang::text as "repeatAmountSatang"
        from regulation_fines f join regulation_clauses cl on cl.tenant_id = f.tenant_id and cl.id = f.clause_id
        where f.tenant_id = ${tenantId} and f.version_id in (${uuidList(versionIds)})
        order by f.position`,
  );
}

/** The adopted version of a regulation in force on a day: the latest effective date not after it (then the higher number). */
export async function versionInForce(tx: Tx, tenantId: string, regulationId: string, on: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`select id from regulation_versions where tenant_id = ${tenantId} and regulation_id = ${regulationId} and status = 'adopted'
          and effective_from <= ${on}::date order by effective_from desc, number desc limit 1`,
  );
  return row?.id ?? null;
}

// ---- writes ----

export interface ContentRows {
  chapters: { number: number; title: string; clauses: { number: string; text: string }[] }[];
  fines: { clauseNumber: string; offence: string; amountSatang: number; repeatAmountSatang: number | null }[];
}

/** Chapters, clauses and fines of a version, in three bulk inserts (clauses numbered in order through the chapters). */
export async function insertContent(tx: Tx, tenantId: string, versionId: string, c: ContentRows): Promise<void> {
  const chapterRows = await tx
    .insert(regulationChapters)
    .values(c.chapters.map((ch) => ({ tenantId, versionId, number: ch.number, title: ch.title })))
    .returning({ id: regulationChapters.id, number: regulationChapters.number });
  const chapterId = new Map(chapterRows.map((r) => [r.number, r.id]));
  let position = 0;
  const clauseRows = await tx
    .insert(regulationClauses)
    .values(c.chapters.flatMap((ch) => ch.clauses.map((cl) => ({ tenantId, versionId, chapterId: chapterId.get(ch.number)!, position: ++position, ...cl }))))
    .returning({ id: regulationClauses.id, number: regulationClauses.number });
  const clauseId = new Map(clauseRows.map((r) => [r.number, r.id]));
  if (c.fines.length)
    await tx.insert(regulationFines).values(
      c.fines.map((f, i) => ({
        tenantId,
        versionId,
        clauseId: clauseId.get(f.clauseNumber)!,
        position: i + 1,
        offence: f.offence,
        amountSatang: f.amountSatang,
        repeatAmountSatang: f.repeatAmountSatang,
      })),
    );
}

/** A draft's chapters go (their clauses and fines with them). */
export async function deleteContent(tx: Tx, tenantId: string, versionId: string): Promise<void> {
  await tx.delete(regulationChapters).where(and(eq(regulationChapters.tenantId, tenantId), eq(regulationChapters.versionId, versionId)));
}

export async function insertVersionRow(tx: Tx, values: typeof regulationVersions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(regulationVersions).values(values).returning({ id: regulationVersions.id });
  return row.id;
}

export async function insertRegulation(tx: Tx, values: typeof regulations.$inferInsert): Promise<string> {
  const [reg] = await tx.insert(regulations).values(values).returning({ id: regulations.id });
  return reg.id;
}

export async function regulationForUpdate(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(regulations)
    .where(and(eq(regulations.tenantId, tenantId), eq(regulations.id, id)))
    .for('update');
  return row;
}

export async function nextVersionNumber(tx: Tx, tenantId: string, regulationId: string): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    tx,
    sql`select coalesce(max(number), 0)::int + 1 as n from regulation_versions where tenant_id = ${tenantId} and regulation_id = ${regulationId}`,
  );
  return n;
}

export async function versionForUpdate(tx: Tx, tenantId: string, regulationId: string, versionId: string) {
  const [v] = await tx
    .select()
    .from(regulationVersions)
    .where(and(eq(regulationVersions.tenantId, tenantId), eq(regulationVersions.regulationId, regulationId), eq(regulationVersions.id, versionId)))
    .for('update');
  return v;
}

export async function updateVersionRow(tx: Tx, tenantId: string, versionId: string, set: Partial<typeof regulationVersions.$inferInsert>): Promise<void> {
  await tx
    .update(regulationVersions)
    .set(set)
    .where(and(eq(regulationVersions.tenantId, tenantId), eq(regulationVersions.id, versionId)));
}

// ---- adoption by a committee resolution (committees calls these through adoption.ts) ----

/**
 * A regulation version as the committees module sees it when a resolution adopts it (or a later one revokes
 * that act). Locks the version row. Written only through setRegulationVersionAdoption.
 */
export async function regulationVersionAdoption(
  tx: Tx,
  tenantId: string,
  versionId: string,
): Promise<{ id: string; name: string; status: string; resolutionId: string | null } | null> {
  const [row] = await rows<{ id: string; name: string; status: string; resolutionId: string | null }>(
    tx,
    sql`select id, title || ' (ฉบับที่ ' || number || ')' as name, status, resolution_id as "resolutionId"
        from regulation_versions where tenant_id = ${tenantId} and id = ${versionId} for update`,
  );
  return row ?? null;
}

/**
 * Adopt (resolution id and the meeting's date) or un-adopt (null: the version goes back to draft). The version
 * takes effect on its proposed date, or on the adoption date when none was proposed or it was earlier.
 */
export async function setRegulationVersionAdoption(tx: Tx, tenantId: string, versionId: string, adoption: { resolutionId: string; on: string } | null) {
  const where = and(eq(regulationVersions.tenantId, tenantId), eq(regulationVersions.id, versionId));
  if (!adoption) {
    await tx.update(regulationVersions).set({ status: 'draft', adoptionKind: null, adoptedOn: null, resolutionId: null, updatedAt: new Date() }).where(where);
    return;
  }
  await tx
    .update(regulationVersions)
    .set({
      status: 'adopted',
      adoptionKind: 'resolution',
      adoptedOn: adoption.on,
      resolutionId: adoption.resolutionId,
      effectiveFrom: sql`greatest(coalesce(${regulationVersions.effectiveFrom}, ${adoption.on}::date), ${adoption.on}::date)`,
      updatedAt: new Date(),
    })
    .where(where);
}
